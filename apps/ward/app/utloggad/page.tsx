import { SignedOutPage } from "@vardkedjan/ui";

export default function Page() {
  return <SignedOutPage portal="slutenvard" />;
}
