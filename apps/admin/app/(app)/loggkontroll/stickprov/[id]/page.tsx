import { LogSamplePage } from "@vardkedjan/ui";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <LogSamplePage sampleId={(await params).id} />;
}
