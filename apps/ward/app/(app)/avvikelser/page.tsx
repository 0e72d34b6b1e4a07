import { DeviationListPage } from "@vardkedjan/ui";

export default function Page() {
  return <DeviationListPage />;
}
