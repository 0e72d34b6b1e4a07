import { PhoneContactPage } from "@vardkedjan/ui";

/** `?arende=<case id>` (from the case view's outage panel) preselects the case; never a personnummer. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { arende } = await searchParams;
  return <PhoneContactPage caseId={typeof arende === "string" ? arende : undefined} />;
}
