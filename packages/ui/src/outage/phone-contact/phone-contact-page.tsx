"use client";
import { useHydrated } from "../use-hydrated";
import { PhoneContactForm } from "./phone-contact-form";

/**
 * "Logga telefonkontakt": the digital "Blankett för driftstopp" (Region Västernorrland,
 * Avbrottsrutin Lifecare SP), quick to fill during a call. The time is now unless changed; the
 * patient is one of the unit's cases or, without a case, a personnummer (a provisional case).
 * What is typed is kept as a draft in this tab.
 */
export function PhoneContactPage({ caseId }: { caseId?: string }) {
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="telefonkontakt-rubrik">
      <h1 id="telefonkontakt-rubrik" className="mb-1 text-2xl font-semibold">
        Logga telefonkontakt
      </h1>
      <p className="mb-4 text-muted">
        Under en driftstörning sker all kommunikation per telefon. Logga varje samtal här: det ersätter blanketten och används vid efterregistreringen.
      </p>
      {hydrated ? <PhoneContactForm initialCaseId={caseId} /> : <p role="status">Laddar formuläret …</p>}
    </section>
  );
}
