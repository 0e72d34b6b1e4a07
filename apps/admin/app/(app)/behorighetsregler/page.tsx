import { RulesListPage } from "@vardkedjan/ui";

export default function Page() {
  return <RulesListPage />;
}
