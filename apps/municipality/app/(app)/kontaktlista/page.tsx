import { ContactListPage } from "@vardkedjan/ui";

export default function Page() {
  return <ContactListPage />;
}
