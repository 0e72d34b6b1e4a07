import { ReadyOverviewPage } from "@vardkedjan/ui";

export default function Page() {
  return <ReadyOverviewPage />;
}
