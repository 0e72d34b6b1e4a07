import { LogExtractPage } from "@vardkedjan/ui";

export default function Page() {
  return <LogExtractPage />;
}
