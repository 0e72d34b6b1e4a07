import { LogSamplesPage } from "@vardkedjan/ui";

export default function Page() {
  return <LogSamplesPage />;
}
