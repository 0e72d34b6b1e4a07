import { FollowUpReportPage } from "@vardkedjan/ui";

export default function Page() {
  return <FollowUpReportPage />;
}
