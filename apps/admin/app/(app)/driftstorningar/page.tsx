import { OutageAdminPage } from "@vardkedjan/ui";

export default function Page() {
  return <OutageAdminPage />;
}
