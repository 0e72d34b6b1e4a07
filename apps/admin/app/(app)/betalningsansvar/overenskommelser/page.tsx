import { AgreementsPage } from "@vardkedjan/ui";

export default function Page() {
  return <AgreementsPage />;
}
