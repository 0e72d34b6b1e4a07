import { AfterRegistrationPage } from "@vardkedjan/ui";

export default function Page() {
  return <AfterRegistrationPage />;
}
