import { InboxPage } from "@vardkedjan/ui";

export default function Page() {
  return <InboxPage />;
}
