import { OrganisationPage } from "@vardkedjan/ui";

export default async function Page({ searchParams }: { searchParams: Promise<{ enhet?: string }> }) {
  return <OrganisationPage unitId={(await searchParams).enhet ?? null} />;
}
