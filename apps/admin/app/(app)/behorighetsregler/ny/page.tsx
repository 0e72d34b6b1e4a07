import { NewRulePage } from "@vardkedjan/ui";

export default function Page() {
  return <NewRulePage />;
}
