import { CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { CONSENT_STATE_LABELS, representativeText } from "@vardkedjan/domain/case/consent";
import type { CaseView } from "../types";

const TONE = { given: "text-ok", refused: "text-danger", unable: "text-warn", none: "text-muted" } as const;

/** Where consent stands, always at the top of the case: the kinds that concern the viewer, each with who answered. */
export function ConsentStatusLine({ view }: { view: CaseView }) {
  if (view.consent.length === 0) return null;
  return (
    <div className="mb-3 text-sm" data-testid="consent-status">
      <p className="font-medium">Samtycke</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {view.consent.map((c) => (
          <li key={c.kind}>
            {CONSENT_KIND_LABELS[c.kind]}: <span className={`font-semibold ${TONE[c.state]}`}>{CONSENT_STATE_LABELS[c.state].toLowerCase()}</span>
            {c.representative ? ` (${representativeText(c.representative)})` : ""}
            {c.state === "given" && c.source === "befintligt" ? " (finns hos kommunen)" : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
