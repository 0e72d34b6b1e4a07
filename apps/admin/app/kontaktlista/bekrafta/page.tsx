import { redirect } from "next/navigation";
import { ContactConfirmPage, PortalShell } from "@vardkedjan/ui";
import { portal } from "@/server";

export const dynamic = "force-dynamic";

/**
 * The link in the representative's e-mail. Outside the (app) group so that a representative who is
 * not logged in comes back here, with the token, after logging in (the token is not patient data).
 */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await searchParams;
  const token = typeof t === "string" ? t : "";
  if ((await portal.gate()).kind === "login") redirect(`/logga-in?till=${encodeURIComponent(`/kontaktlista/bekrafta?t=${encodeURIComponent(token)}`)}`);
  return (
    <PortalShell {...await portal.shellProps()}>
      <ContactConfirmPage token={token} />
    </PortalShell>
  );
}
