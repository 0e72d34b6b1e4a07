import { PaymentAdminPage } from "@vardkedjan/ui";

export default function Page() {
  return <PaymentAdminPage />;
}
