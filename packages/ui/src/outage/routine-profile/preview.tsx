"use client";
import { Fragment } from "react";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { OUTAGE_SYSTEM_LABELS, type OutageSystem } from "@vardkedjan/domain/outage/types";
import type { ManualCheck, RoutineParagraph } from "@vardkedjan/domain/outage/profile-schema";
import { afterRegistrationSettingsText } from "./after-registration-settings";
import { REGISTER_AFTER_LABELS, SWITCHES, WHEN_LABELS, toProfile, type Draft } from "./draft";

/** The preview: how the routine reads (as in the backup kit), from the draft as it is now. */

const hoursText = (h: number) => `${String(h).replace(".", ",")} ${h === 1 ? "timme" : "timmar"}`;

function Paragraphs({ paragraphs }: { paragraphs: RoutineParagraph[] }) {
  return (
    <>
      {paragraphs.map((p, i) =>
        typeof p === "string" ? (
          <p key={i} className="mb-2">
            {p}
          </p>
        ) : "bullets" in p ? (
          <ul key={i} className="mb-2 list-disc pl-6">
            {p.bullets.map((b, j) => (
              <li key={j}>{b}</li>
            ))}
          </ul>
        ) : (
          <ol key={i} className="mb-2 list-decimal pl-6">
            {p.numbered.map((s, j) => (
              <li key={j}>{s}</li>
            ))}
          </ol>
        ),
      )}
    </>
  );
}

const checkMeta = (c: { role?: PartyRole; when?: ManualCheck["when"] }) => {
  const meta = [c.role ? PARTY_ROLE_LABELS[c.role].definite : null, c.when ? WHEN_LABELS[c.when].toLowerCase() : null].filter(Boolean).join(", ");
  return meta ? ` (${meta})` : "";
};

export function Preview({ draft, region }: { draft: Draft; region: { hsaId: string; name: string } }) {
  const p = toProfile(draft, region) as {
    source: { title: string; decided: string | null; version: string | null };
    routineAppliesAfterHours: unknown;
    contactConfirmationHours: unknown;
    manualChecklist: { key: string; text: string; role?: PartyRole; when?: ManualCheck["when"] }[];
    variants: { key: string; name: string; systems: OutageSystem[]; instructions: string[] }[];
    sections: { heading: string; paragraphs: RoutineParagraph[] }[];
  };
  const applies = typeof p.routineAppliesAfterHours === "number" ? p.routineAppliesAfterHours : null;
  const confirm = typeof p.contactConfirmationHours === "number" ? p.contactConfirmationHours : null;
  const rules: string[] = [
    applies === null
      ? "Gränsen för när rutinen gäller är inte ifylld."
      : applies === 0
        ? "Rutinen gäller från driftstörningens början."
        : `Rutinen gäller när driftstörningen har varat i ${hoursText(applies)}; kortare störningar hanteras utan rutinen.`,
    confirm === null
      ? "Tiden för att bekräfta kontaktlistan är inte ifylld."
      : `Kommunernas utsedda representanter bekräftar eller rättar kontaktlistan inom ${hoursText(confirm)} efter förvaltningens meddelande.`,
    draft.dischargeRequiresReceiverConfirmation === "ja"
      ? "Utskrivning får inte ske förrän mottagande enhet har bekräftat att den tagit emot informationen."
      : "Slutenvården meddelar mottagande enheter att patienten har lämnat sjukhuset; ingen bekräftelse krävs före utskrivningen.",
    ...(draft.dischargeCoordinatorHours.trim() ? [`Utskrivningsledarna svarar i telefon ${draft.dischargeCoordinatorHours.trim()}.`] : []),
    ...draft.followUpCalls.filter((f) => f.text.trim()).map((f) => `${f.role ? `${PARTY_ROLE_LABELS[f.role].indefinite}: ` : ""}${f.text.trim()}.`),
  ];
  const after = [
    ...SWITCHES.filter((s) => draft.registerAfter[s]).map((s) =>
      s === "summaryMessage" ? `${REGISTER_AFTER_LABELS[s]} ("${draft.summaryMessageTitle.trim()}").` : `${REGISTER_AFTER_LABELS[s]}.`,
    ),
    ...afterRegistrationSettingsText(draft.planningBasis, draft.sipInvitationBy),
  ];
  return (
    <div className="rounded border border-line bg-white p-4" data-testid="routine-preview">
      <h3 className="text-xl font-semibold">{draft.name.trim() || "(Rutinen saknar namn)"}</h3>
      <p className="mb-3 text-sm text-muted">
        {region.name}. Källa: {p.source.title.trim() || "(saknas)"}
        {p.source.decided ? `. ${p.source.decided}` : ""}
        {p.source.version ? `. Version ${p.source.version}` : ""}.
      </p>
      <h4 className="mt-3 font-semibold">Regler</h4>
      <ul className="mb-2 list-disc pl-6">
        {rules.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {p.manualChecklist.some((c) => c.text.trim()) ? (
        <>
          <h4 className="mt-3 font-semibold">Att bocka av</h4>
          <ul className="mb-2 list-disc pl-6">
            {p.manualChecklist
              .filter((c) => c.text.trim())
              .map((c) => (
                <li key={c.key}>
                  {c.text.trim()}
                  <span className="text-muted">{checkMeta(c)}</span>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {p.variants.map((v) => (
        <Fragment key={v.key}>
          <h4 className="mt-3 font-semibold">{v.name.trim() || "(Slag av driftstörning utan namn)"}</h4>
          <p className="text-sm text-muted">Gäller: {v.systems.length ? v.systems.map((s) => OUTAGE_SYSTEM_LABELS[s]).join(", ") : "inga system valda"}</p>
          <ul className="mb-2 list-disc pl-6">
            {v.instructions.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </Fragment>
      ))}
      <h4 className="mt-3 font-semibold">Efter driftstörningen</h4>
      <ul className="mb-2 list-disc pl-6">
        {after.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {p.sections.map((s, i) => (
        <section key={draft.sections[i]?.rowId ?? i} className="mt-4">
          <h4 className="mb-1 text-lg font-semibold">{s.heading.trim() || "(Avsnitt utan rubrik)"}</h4>
          <Paragraphs paragraphs={s.paragraphs} />
        </section>
      ))}
    </div>
  );
}
