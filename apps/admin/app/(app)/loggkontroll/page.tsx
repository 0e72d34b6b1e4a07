import { LogSearchPage } from "@vardkedjan/ui";

export default function Page() {
  return <LogSearchPage />;
}
