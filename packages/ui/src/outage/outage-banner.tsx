"use client";
import { useState } from "react";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { formatDateTime } from "../kit/format";
import { useOutageMode } from "./outage-mode";
import { scopeLabel, systemLabel } from "./labels";

function WarningIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-7 w-7 shrink-0" fill="currentColor">
      <path d="M12 2 1 21h22L12 2Zm0 4.2L19.5 19h-15L12 6.2ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z" />
    </svg>
  );
}

const LINK = "inline-block rounded border-2 border-warn bg-white px-3 py-1.5 font-semibold text-warn no-underline hover:bg-warn-bg focus-visible:bg-white";

/**
 * The outage banner on every logged-in page: heading and icon (not colour alone), what is down,
 * where, since when, the expected end and the administrators' message, with the way to work
 * meanwhile. It appears and disappears live (see OutageModeProvider); when it goes, a short
 * notice says so and, in the care portals, points to Efterregistrering.
 */
export function OutageBanner({ portal }: { portal: Portal }) {
  const { active, outages } = useOutageMode();
  const [wasActive, setWasActive] = useState(active);
  const [endedNotice, setEndedNotice] = useState(false);
  // Adjusting state to new data while rendering (not in an effect), as React recommends.
  if (wasActive !== active) {
    setWasActive(active);
    setEndedNotice(!active);
  }
  const care = portal !== "forvaltning";

  if (!active) {
    if (!endedNotice) return null;
    return (
      <section aria-label="Driftstörningen är avslutad" data-testid="outage-ended" className="border-b-4 border-ok bg-ok-bg">
        <div role="status" className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 text-ok">
          <p className="font-semibold">
            <span aria-hidden="true">✓ </span>
            Driftstörningen är avslutad. Vårdkedjan fungerar som vanligt igen.
            {care ? (
              <>
                {" "}
                <a href="/efterregistrering" className="text-ok">
                  Se din enhets efterregistrering
                </a>
              </>
            ) : null}
          </p>
          <button type="button" onClick={() => setEndedNotice(false)} className="rounded border border-ok bg-white px-3 py-1 text-sm font-medium text-ok">
            Stäng meddelandet
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="driftstorning-rubrik" data-testid="outage-banner" className="border-b-4 border-warn bg-warn-bg">
      <div role="alert" className="mx-auto max-w-6xl px-4 py-3 text-warn">
        <div className="flex items-center gap-2">
          <WarningIcon />
          <h2 id="driftstorning-rubrik" className="text-xl font-bold">
            Driftstörning pågår
          </h2>
        </div>
        <ul className="mt-2 grid gap-2 text-ink">
          {outages.map((o) => (
            <li key={o.id} data-testid="outage-banner-item">
              <p>
                <span className="font-semibold">{systemLabel(o.system, o.systemDetail)}</span>
                <span> · {scopeLabel(o.scope, o.regionName)}</span>
              </p>
              <p className="text-sm">
                Sedan <time dateTime={new Date(o.startedAt).toISOString()}>{formatDateTime(o.startedAt)}</time>
                {" · "}
                {o.expectedEndAt ? (
                  <>
                    beräknat slut <time dateTime={new Date(o.expectedEndAt).toISOString()}>{formatDateTime(o.expectedEndAt)}</time>
                  </>
                ) : (
                  "beräknat slut är inte känt"
                )}
              </p>
              {o.message ? (
                <p className="mt-1 whitespace-pre-line">
                  <span className="font-semibold">Meddelande från förvaltningen: </span>
                  {o.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-ink">
          {care ? "Kommunicera per telefon enligt reservrutinen och logga varje samtal." : "Vårdenheterna arbetar enligt reservrutinen."}
        </p>
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Arbeta under driftstörningen">
          <li>
            <a href="/kontaktlista" className={LINK}>
              Kontaktlista
            </a>
          </li>
          {care ? (
            <li>
              <a href="/telefonkontakt" className={LINK}>
                Logga telefonkontakt
              </a>
            </li>
          ) : (
            <li>
              <a href="/driftstorningar" className={LINK}>
                Driftstörningar
              </a>
            </li>
          )}
          <li>
            <a href="/dokument/reservparm.pdf" className={LINK}>
              Reservpärm (PDF)
            </a>
          </li>
        </ul>
      </div>
    </section>
  );
}
