import { SimulatorPage } from "@vardkedjan/ui";

export default function Page() {
  return <SimulatorPage />;
}
