import { RoutineProfilePage } from "@vardkedjan/ui";

export default function Page() {
  return <RoutineProfilePage />;
}
