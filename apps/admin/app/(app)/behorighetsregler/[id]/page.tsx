import { RulePage } from "@vardkedjan/ui";

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sparad?: string }> }) {
  const saved = Number((await searchParams).sparad);
  return <RulePage ruleId={decodeURIComponent((await params).id)} {...(Number.isInteger(saved) && saved > 0 ? { savedVersion: saved } : {})} />;
}
