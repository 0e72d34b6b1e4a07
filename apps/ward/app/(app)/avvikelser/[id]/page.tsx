import { DeviationPage } from "@vardkedjan/ui";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeviationPage deviationId={id} />;
}
