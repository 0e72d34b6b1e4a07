import { LogFlagsPage } from "@vardkedjan/ui";

export default function Page() {
  return <LogFlagsPage />;
}
