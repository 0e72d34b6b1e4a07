import { ContextChooserPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export const dynamic = "force-dynamic";
type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: Params }) {
  return <ContextChooserPage {...await portal.chooserProps(searchParams)} />;
}
