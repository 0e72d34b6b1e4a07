import { NewCasePage } from "@vardkedjan/ui";

export default function Page() {
  return <NewCasePage />;
}
