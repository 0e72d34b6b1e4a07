import { OutageDetailPage } from "@vardkedjan/ui";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <OutageDetailPage outageId={(await params).id} />;
}
