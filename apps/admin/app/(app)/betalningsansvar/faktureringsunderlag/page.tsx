import { InvoiceBasisPage } from "@vardkedjan/ui";

export default function Page() {
  return <InvoiceBasisPage />;
}
