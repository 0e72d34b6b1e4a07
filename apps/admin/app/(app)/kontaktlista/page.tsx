import { ContactListAdminPage } from "@vardkedjan/ui";

export default function Page() {
  return <ContactListAdminPage />;
}
