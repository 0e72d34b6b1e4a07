import type { Portal } from "@vardkedjan/domain/identity/types";
import type { CaseView } from "../types";

const AFTER_READY = ["utskrivningsklar", "utskriven", "avslutad"];

/** The case's printable documents, each a PDF made on request from what the viewer may see. */
export function CaseDocuments({ view, portal }: { view: CaseView; portal: Portal }) {
  const has = (kind: CaseView["messages"][number]["kind"]) => view.messages.some((m) => m.kind === kind);
  const links: { href: string; label: string }[] = [];
  if (portal === "slutenvard" && AFTER_READY.includes(view.stage)) {
    links.push({ href: `/arenden/${view.id}/sammanfattning.pdf`, label: "Sammanfattning till patienten (PDF)" });
  }
  if (has("utskrivningsmeddelande") || has("planeringsunderlag")) {
    links.push({ href: `/arenden/${view.id}/dokument/utskrivningsplan.pdf`, label: "Utskrivningsplan (PDF)" });
  }
  if (has("sip_plan") || has("kallelse_sip")) links.push({ href: `/arenden/${view.id}/dokument/sip.pdf`, label: "Samordnad individuell plan, SIP (PDF)" });
  links.push({ href: `/arenden/${view.id}/dokument/blankett-driftstorning.pdf`, label: "Blankett för driftstörning, ifylld för ärendet (PDF)" });
  return (
    <section id="dokument" aria-labelledby="dokument-rubrik" className="mb-6 scroll-mt-4" tabIndex={-1}>
      <h2 id="dokument-rubrik" className="mb-2 text-xl font-semibold">
        Dokument
      </h2>
      <ul className="grid gap-1">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
