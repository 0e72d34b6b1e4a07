import { DeviationStatisticsPage } from "@vardkedjan/ui";

export default function Page() {
  return <DeviationStatisticsPage />;
}
