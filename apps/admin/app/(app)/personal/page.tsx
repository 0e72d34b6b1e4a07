import { PeoplePage } from "@vardkedjan/ui";

export default function Page() {
  return <PeoplePage />;
}
