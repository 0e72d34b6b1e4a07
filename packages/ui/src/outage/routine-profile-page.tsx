"use client";
import { Fragment, useRef, useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PARTY_ROLES, type PartyRole } from "@vardkedjan/domain/case/types";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { OUTAGE_SYSTEMS, OUTAGE_SYSTEM_LABELS, PHONE_STEPS, PHONE_STEP_LABELS, type OutageSystem, type PhoneStep } from "@vardkedjan/domain/outage/types";
import { parseRoutineProfile, type ManualCheck, type RoutineParagraph, type RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { paragraphsToText, textToParagraphs } from "@vardkedjan/domain/outage/profile-text";
import type { RouterOutputs } from "@vardkedjan/api";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError, type FieldError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { ErrorSummary } from "../kit/error-summary";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, Checkbox, FieldGroup, Radios, SelectField, TextArea, TextField, YES_NO } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { AfterRegistrationSettings, afterRegistrationSettingsText } from "./routine-after-registration-settings";

/** Ids of this form's controls: `rp-` and the profile's path with dots as dashes (so ErrorSummary finds them). */
const P = "rp";
const fid = (path: string) => `${P}-${path.replace(/\./g, "-")}`;

const WHEN_LABELS: Record<ManualCheck["when"], string> = {
  fore_utskrivning: "Före utskrivningen",
  efter_utskrivning: "Efter utskrivningen",
  alltid: "Under hela vårdtiden",
};
const ROLE_OPTIONS = PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r].indefinite }));
const WHEN_OPTIONS = (Object.keys(WHEN_LABELS) as ManualCheck["when"][]).map((w) => ({ value: w, label: WHEN_LABELS[w] }));

const REGISTER_AFTER_LABELS = {
  admission: "Inskrivningar under driftstörningen registreras i efterhand",
  discharge: "Utskrivningar under driftstörningen registreras i efterhand",
  sipCall: "SIP-datum som bestämts per telefon får en formell kallelse",
  fixedCareContact: "Primärvården bekräftar patientens fasta vårdkontakt i efterhand",
  acknowledgeMessages: "Meddelanden som kommit in under eller efter driftstörningen kvitteras",
  summaryMessage: "Ärenden som fanns före driftstörningen får ett generellt meddelande med en sammanfattning",
} as const;
type Switch = keyof typeof REGISTER_AFTER_LABELS;
const SWITCHES = Object.keys(REGISTER_AFTER_LABELS) as Switch[];

// ---------------------------------------------------------------------------------------------
// The form's draft: what the administrator edits, as text; converted to a profile on save.
// ---------------------------------------------------------------------------------------------

let seq = 0;
/** A React key for a list row (never sent). */
const rowId = () => `rad-${++seq}`;

interface FollowUpRow {
  rowId: string;
  role: PartyRole | "";
  amount: string;
  unit: "hours" | "days";
  text: string;
}
interface CheckRow {
  rowId: string;
  /** Kept as saved (ticked points are stored by it); made from the text for a new point. */
  key: string;
  text: string;
  role: PartyRole | "";
  when: ManualCheck["when"] | "";
}
interface VariantRow {
  rowId: string;
  key: string;
  name: string;
  systems: OutageSystem[];
  /** One instruction per line. */
  instructions: string;
  stepNotes: Record<PhoneStep, string>;
}
interface SectionRow {
  rowId: string;
  heading: string;
  /** Paragraphs apart by a blank line, "- " bullets, "1. " steps (profile-text.ts). */
  text: string;
}
interface Draft {
  name: string;
  sourceTitle: string;
  sourceDecided: string;
  sourceVersion: string;
  routineAppliesAfterHours: string;
  contactConfirmationHours: string;
  dischargeRequiresReceiverConfirmation: "ja" | "nej";
  dischargeCoordinatorHours: string;
  summaryMessageTitle: string;
  registerAfter: Record<Switch, boolean>;
  /** Edited in AfterRegistrationSettings. */
  planningBasis: RoutineProfile["registerAfter"]["planningBasis"];
  sipInvitationBy: RoutineProfile["sipInvitationBy"];
  followUpCalls: FollowUpRow[];
  manualChecklist: CheckRow[];
  variants: VariantRow[];
  sections: SectionRow[];
}

const emptyNotes = (): Record<PhoneStep, string> => Object.fromEntries(PHONE_STEPS.map((s) => [s, ""])) as Record<PhoneStep, string>;

function toDraft(p: RoutineProfile): Draft {
  return {
    name: p.name,
    sourceTitle: p.source.title,
    sourceDecided: p.source.decided ?? "",
    sourceVersion: p.source.version ?? "",
    routineAppliesAfterHours: String(p.routineAppliesAfterHours).replace(".", ","),
    contactConfirmationHours: String(p.contactConfirmationHours).replace(".", ","),
    dischargeRequiresReceiverConfirmation: p.dischargeRequiresReceiverConfirmation ? "ja" : "nej",
    dischargeCoordinatorHours: p.dischargeCoordinatorHours ?? "",
    summaryMessageTitle: p.summaryMessageTitle,
    registerAfter: Object.fromEntries(SWITCHES.map((s) => [s, p.registerAfter[s]])) as Record<Switch, boolean>,
    planningBasis: p.registerAfter.planningBasis,
    sipInvitationBy: p.sipInvitationBy,
    followUpCalls: p.followUpCalls.map((f) => ({
      rowId: rowId(),
      role: f.role,
      amount: String("hours" in f.within ? f.within.hours : f.within.days),
      unit: "hours" in f.within ? "hours" : "days",
      text: f.text,
    })),
    manualChecklist: p.manualChecklist.map((c) => ({ rowId: rowId(), key: c.key, text: c.text, role: c.role, when: c.when })),
    variants: p.variants.map((v) => ({ rowId: rowId(), key: v.key, name: v.name, systems: [...v.systems], instructions: v.instructions.join("\n"), stepNotes: { ...emptyNotes(), ...v.stepNotes } })),
    sections: p.sections.map((s) => ({ rowId: rowId(), heading: s.heading, text: paragraphsToText(s.paragraphs) })),
  };
}

/** "12", "1,5" → a number; empty → null; anything else is sent as typed, for the parser's Swedish message. */
function num(s: string): number | string | null {
  const t = s.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : s;
}

/** A key from the first words of a text: lower case a–z, 0–9 and _, unique among `taken`. */
function keyFrom(text: string, fallback: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .split("_")
      .slice(0, 4)
      .join("_") || fallback;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

/** The draft as the profile the API takes (not yet validated). */
function toProfile(d: Draft, region: { hsaId: string; name: string }): Record<string, unknown> {
  const checkKeys = new Set(d.manualChecklist.map((c) => c.key).filter(Boolean));
  const variantKeys = new Set(d.variants.map((v) => v.key).filter(Boolean));
  return {
    regionHsaId: region.hsaId,
    regionName: region.name,
    name: d.name,
    source: { title: d.sourceTitle, decided: d.sourceDecided.trim() || null, version: d.sourceVersion.trim() || null },
    routineAppliesAfterHours: num(d.routineAppliesAfterHours),
    contactConfirmationHours: num(d.contactConfirmationHours),
    dischargeRequiresReceiverConfirmation: d.dischargeRequiresReceiverConfirmation === "ja",
    summaryMessageTitle: d.summaryMessageTitle,
    dischargeCoordinatorHours: d.dischargeCoordinatorHours.trim() || null,
    registerAfter: { ...d.registerAfter, readyForDischarge: false, planningBasis: d.planningBasis },
    ...(d.sipInvitationBy ? { sipInvitationBy: d.sipInvitationBy } : {}),
    followUpCalls: d.followUpCalls.map((f) => ({ role: f.role || undefined, within: { [f.unit]: num(f.amount) }, text: f.text })),
    manualChecklist: d.manualChecklist.map((c, i) => ({ key: c.key || keyFrom(c.text, `punkt_${i + 1}`, checkKeys), text: c.text, role: c.role || undefined, when: c.when || undefined })),
    variants: d.variants.map((v, i) => ({
      key: v.key || keyFrom(v.name, `variant_${i + 1}`, variantKeys),
      name: v.name,
      systems: v.systems,
      instructions: v.instructions
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
      stepNotes: Object.fromEntries(PHONE_STEPS.filter((s) => v.stepNotes[s].trim()).map((s) => [s, v.stepNotes[s]])),
    })),
    sections: d.sections.map((s) => ({ heading: s.heading, paragraphs: textToParagraphs(s.text) })),
  };
}

/**
 * Where an error belongs on this form: the parser names the profile's data, the form has its own
 * controls (a list item's lines in one text box, a generated key under its text). List errors say
 * which item they concern.
 */
function placeError(e: FieldError): FieldError {
  const [top, a, b, c] = e.path.split(".");
  const n = Number(a) + 1;
  if (top === "regionHsaId" || top === "regionName") return { path: "", message: e.message };
  if (top === "followUpCalls" && a !== undefined) {
    const field = b === "within" ? "within" : (b ?? "role");
    return { path: `followUpCalls.${a}.${field}`, message: `Uppföljande samtal ${n}: ${e.message}` };
  }
  if (top === "manualChecklist" && a !== undefined) {
    const field = b === "key" || !b ? "text" : b;
    return { path: `manualChecklist.${a}.${field}`, message: `Punkt ${n} i checklistan: ${e.message}` };
  }
  if (top === "variants" && a !== undefined) {
    if (b === "instructions") return { path: `variants.${a}.instructions`, message: `Slag av driftstörning ${n}: ${c !== undefined ? `instruktion ${Number(c) + 1}: ` : ""}${e.message}` };
    if (b === "stepNotes" && c) return { path: `variants.${a}.stepNotes.${c}`, message: `Slag av driftstörning ${n}, ${PHONE_STEP_LABELS[c as PhoneStep] ?? c}: ${e.message}` };
    const field = b === "key" || !b ? "name" : b;
    return { path: `variants.${a}.${field}`, message: `Slag av driftstörning ${n}: ${e.message}` };
  }
  if (top === "sections" && a !== undefined) {
    if (b === "heading") return { path: `sections.${a}.heading`, message: `Avsnitt ${n}: ${e.message}` };
    return { path: `sections.${a}.text`, message: `Avsnitt ${n}${c !== undefined && b === "paragraphs" ? `, stycke ${Number(c) + 1}` : ""}: ${e.message}` };
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// The preview: how the routine reads (as in the backup kit).
// ---------------------------------------------------------------------------------------------

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

function Preview({ draft, region }: { draft: Draft; region: { hsaId: string; name: string } }) {
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
    applies === null ? "Gränsen för när rutinen gäller är inte ifylld." : applies === 0 ? "Rutinen gäller från driftstörningens början." : `Rutinen gäller när driftstörningen har varat i ${hoursText(applies)}; kortare störningar hanteras utan rutinen.`,
    confirm === null ? "Tiden för att bekräfta kontaktlistan är inte ifylld." : `Kommunernas utsedda representanter bekräftar eller rättar kontaktlistan inom ${hoursText(confirm)} efter förvaltningens meddelande.`,
    draft.dischargeRequiresReceiverConfirmation === "ja"
      ? "Utskrivning får inte ske förrän mottagande enhet har bekräftat att den tagit emot informationen."
      : "Slutenvården meddelar mottagande enheter att patienten har lämnat sjukhuset; ingen bekräftelse krävs före utskrivningen.",
    ...(draft.dischargeCoordinatorHours.trim() ? [`Utskrivningsledarna svarar i telefon ${draft.dischargeCoordinatorHours.trim()}.`] : []),
    ...draft.followUpCalls.filter((f) => f.text.trim()).map((f) => `${f.role ? `${PARTY_ROLE_LABELS[f.role].indefinite}: ` : ""}${f.text.trim()}.`),
  ];
  const after = [
    ...SWITCHES.filter((s) => draft.registerAfter[s]).map((s) => (s === "summaryMessage" ? `${REGISTER_AFTER_LABELS[s]} ("${draft.summaryMessageTitle.trim()}").` : `${REGISTER_AFTER_LABELS[s]}.`)),
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

// ---------------------------------------------------------------------------------------------
// The form.
// ---------------------------------------------------------------------------------------------

/** A removable item of a list, in its own fieldset. */
function ListItem({ id, legend, onRemove, removeLabel, extra, children }: { id: string; legend: string; onRemove: () => void; removeLabel: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <li>
      <fieldset id={id} tabIndex={-1} className="mb-3 rounded border border-line bg-white p-3">
        <legend className="px-1 font-medium">{legend}</legend>
        {children}
        <div className="flex flex-wrap gap-2">
          {extra}
          <button type="button" className={BUTTON_SECONDARY} onClick={onRemove}>
            {removeLabel}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** The API's view of the routine (services/outage/profile.ts `RoutineProfileView`). */
type View = RouterOutputs["outage"]["routineProfile"];

/**
 * The form, opened on `view` as it was when the editor mounted (a reload mounts it again). `view`
 * keeps following the query, so that a version saved by someone else meanwhile is pointed out.
 */
function Editor({ view, fetching, onReload, onStatus }: { view: View; fetching: boolean; onReload: () => void; onStatus: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const region = { hsaId: view.profile.regionHsaId, name: view.regionName };
  const [draft, setDraft] = useState<Draft>(() => toDraft(view.profile));
  /** The version this editor opened (and then saved): sent as expectedVersion. */
  const [baseVersion, setBaseVersion] = useState(view.version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [askReset, setAskReset] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const save = useMutation(trpc.outage.saveRoutineProfile.mutationOptions());
  const reset = useMutation(trpc.outage.resetRoutineProfile.mutationOptions());
  const busy = save.isPending || reset.isPending;

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRow = <K extends "followUpCalls" | "manualChecklist" | "variants" | "sections">(list: K, i: number, patch: Partial<Draft[K][number]>) =>
    setDraft((d) => ({ ...d, [list]: d[list].map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const removeRow = (list: "followUpCalls" | "manualChecklist" | "variants" | "sections", i: number) => {
    setDraft((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }));
    requestAnimationFrame(() => document.getElementById(fid(list))?.focus());
  };
  const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const error = (path: string) => {
    const found = errors.filter((e) => e.path === path).map((e) => e.message);
    return found.length ? found.join(" ") : undefined;
  };

  const fail = (e: CallError) => {
    onStatus("");
    setFailure(e);
    const fields = e.fieldErrors.map(placeError);
    setErrors(fields);
    requestAnimationFrame(() => (fields.length ? summaryRef : failureRef).current?.focus());
  };

  const submit = () => {
    if (busy) return;
    setFailure(null);
    const profile = toProfile(draft, region);
    const parsed = parseRoutineProfile(profile);
    if (!parsed.ok) {
      onStatus("");
      setErrors(parsed.errors.map(placeError));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    save.mutate(
      { profile, expectedVersion: baseVersion },
      {
        onSuccess: (r) => {
          setBaseVersion(r.version);
          keepKeys(profile);
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onStatus(`Rutinen är sparad (version ${r.version}). Den gäller från och med nu för alla regler, bannern och reservpärmen.`);
        },
        onError: (e) => fail(callError(e)),
      },
    );
  };

  const doReset = () => {
    if (busy) return;
    setFailure(null);
    setErrors([]);
    reset.mutate(
      { expectedVersion: baseVersion },
      {
        onSuccess: (r) => {
          setAskReset(false);
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onStatus(`Rutinen är återställd till ${view.original.name} (version ${r.version}).`);
          onReload();
        },
        onError: (e) => {
          setAskReset(false);
          fail(callError(e));
        },
      },
    );
  };

  /** A new point or kind of outage keeps the key it was saved with (ticked points are stored by it), even if renamed. */
  const keepKeys = (sent: Record<string, unknown>) => {
    const checks = sent.manualChecklist as { key: string }[];
    const variants = sent.variants as { key: string }[];
    const checkKey = new Map(draft.manualChecklist.map((c, i) => [c.rowId, checks[i]?.key ?? ""]));
    const variantKey = new Map(draft.variants.map((v, i) => [v.rowId, variants[i]?.key ?? ""]));
    setDraft((d) => ({
      ...d,
      manualChecklist: d.manualChecklist.map((c) => (c.key ? c : { ...c, key: checkKey.get(c.rowId) ?? "" })),
      variants: d.variants.map((v) => (v.key ? v : { ...v, key: variantKey.get(v.rowId) ?? "" })),
    }));
  };

  const conflict = failure?.appCode === "CONFLICT";
  const newer = view.version > baseVersion && !fetching && !busy;

  return (
    <form
      noValidate
      aria-labelledby="rutin-rubrik"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {errors.length ? <ErrorSummary ref={summaryRef} errors={errors} prefix={P} /> : null}
      {failure && !errors.length ? (
        <div className="mb-4">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
          {conflict ? (
            <div className="mt-2 rounded border border-line bg-white p-3">
              <p className="mb-2">Om du laddar om visas den sparade rutinen och dina ändringar här försvinner. Skriv gärna av dem först.</p>
              <button type="button" className={BUTTON_PRIMARY} onClick={onReload}>
                Ladda om rutinen
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {newer ? (
        <div className="mb-4 rounded border border-warn bg-warn-bg p-3 text-ink" role="alert" data-testid="routine-newer">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {view.updatedByName ?? "Någon annan"} har sparat en ny version av rutinen (version {view.version}) sedan du öppnade den.
          </p>
          <p className="mt-1">Om du sparar nu avvisas ändringen. Ladda om för att se den sparade rutinen; dina ändringar här försvinner då.</p>
          <button type="button" className={`${BUTTON_SECONDARY} mt-2`} onClick={onReload}>
            Ladda om rutinen
          </button>
        </div>
      ) : null}

      <h2 className="mb-2 mt-4 text-xl font-semibold">Rutinen</h2>
      <TextField id={fid("name")} label="Rutinens namn" hint="Visas i bannern och överst i reservpärmen." value={draft.name} onChange={(v) => set({ name: v })} error={error("name")} />
      <FieldGroup id={fid("source")} legend="Källdokument">
        <TextField id={fid("source.title")} label="Källdokumentets titel" value={draft.sourceTitle} onChange={(v) => set({ sourceTitle: v })} error={error("source.title")} />
        <TextField id={fid("source.decided")} label="Beslut" optional hint="T.ex. vem som beslutat rutinen och när." value={draft.sourceDecided} onChange={(v) => set({ sourceDecided: v })} error={error("source.decided")} />
        <TextField id={fid("source.version")} label="Version" optional value={draft.sourceVersion} onChange={(v) => set({ sourceVersion: v })} error={error("source.version")} className="mb-1" />
      </FieldGroup>

      <h2 className="mb-2 mt-6 text-xl font-semibold">Regler</h2>
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          id={fid("routineAppliesAfterHours")}
          label="Rutinen gäller efter (timmar)"
          hint="0 betyder att rutinen gäller direkt. Kortare driftstörningar hanteras utan rutinen."
          value={draft.routineAppliesAfterHours}
          onChange={(v) => set({ routineAppliesAfterHours: v })}
          error={error("routineAppliesAfterHours")}
        />
        <TextField
          id={fid("contactConfirmationHours")}
          label="Tid för att bekräfta kontaktlistan (timmar)"
          hint="Kommunernas representanter bekräftar eller rättar kontaktlistan inom denna tid efter förvaltningens meddelande."
          value={draft.contactConfirmationHours}
          onChange={(v) => set({ contactConfirmationHours: v })}
          error={error("contactConfirmationHours")}
        />
      </div>
      <Radios
        id={fid("dischargeRequiresReceiverConfirmation")}
        legend="Ingen utskrivning förrän mottagande enhet har bekräftat att den tagit emot informationen"
        value={draft.dischargeRequiresReceiverConfirmation}
        onChange={(v) => set({ dischargeRequiresReceiverConfirmation: v === "ja" ? "ja" : "nej" })}
        options={YES_NO}
        inline
        error={error("dischargeRequiresReceiverConfirmation")}
      />
      <TextField
        id={fid("dischargeCoordinatorHours")}
        label="Utskrivningsledarnas telefontider"
        optional
        hint="T.ex. vardagar 07.30–16.15."
        value={draft.dischargeCoordinatorHours}
        onChange={(v) => set({ dischargeCoordinatorHours: v })}
        error={error("dischargeCoordinatorHours")}
      />

      <FieldGroup id={fid("registerAfter")} legend="När driftstörningen är över" hint="Vad som förs in i Vårdkedjan i efterhand." error={error("registerAfter")}>
        {SWITCHES.map((s) => (
          <Checkbox key={s} id={fid(`registerAfter.${s}`)} label={REGISTER_AFTER_LABELS[s]} checked={draft.registerAfter[s]} onChange={(on) => set({ registerAfter: { ...draft.registerAfter, [s]: on } })} />
        ))}
        <TextField
          id={fid("summaryMessageTitle")}
          label="Titel på sammanfattningen"
          hint="Det generella meddelandet till ärenden som fanns före driftstörningen."
          value={draft.summaryMessageTitle}
          onChange={(v) => set({ summaryMessageTitle: v })}
          error={error("summaryMessageTitle")}
          className="mb-3 mt-2"
        />
        <AfterRegistrationSettings planningBasis={draft.planningBasis} sipInvitationBy={draft.sipInvitationBy} onChange={(next) => set(next)} fid={fid} error={error} />
      </FieldGroup>

      <FieldGroup id={fid("followUpCalls")} legend="Uppföljande samtal till patienten efter utskrivningen" hint="Visas i checklistan för den part som ringer." error={error("followUpCalls")}>
        {draft.followUpCalls.length === 0 ? <p className="mb-2 text-muted">Inga uppföljande samtal.</p> : null}
        <ol className="grid gap-1">
          {draft.followUpCalls.map((f, i) => (
            <ListItem key={f.rowId} id={fid(`followUpCalls.${i}`)} legend={`Uppföljande samtal ${i + 1}`} onRemove={() => removeRow("followUpCalls", i)} removeLabel={`Ta bort uppföljande samtal ${i + 1}`}>
              <SelectField id={fid(`followUpCalls.${i}.role`)} label="Vem ringer" value={f.role} onChange={(v) => setRow("followUpCalls", i, { role: v as PartyRole })} options={ROLE_OPTIONS} placeholder="Välj part" error={error(`followUpCalls.${i}.role`)} />
              <div className="flex flex-wrap items-start gap-x-4">
                <TextField id={fid(`followUpCalls.${i}.within`)} label="Inom" inputMode="numeric" value={f.amount} onChange={(v) => setRow("followUpCalls", i, { amount: v })} error={error(`followUpCalls.${i}.within`)} className="mb-4 w-32" />
                <Radios id={fid(`followUpCalls.${i}.unit`)} legend="Enhet" value={f.unit} onChange={(v) => setRow("followUpCalls", i, { unit: v === "days" ? "days" : "hours" })} options={[{ value: "hours", label: "timmar" }, { value: "days", label: "dagar" }]} inline />
              </div>
              <TextField id={fid(`followUpCalls.${i}.text`)} label="Text i checklistan" hint="T.ex. Ring upp patienten inom 48 timmar efter utskrivningen." value={f.text} onChange={(v) => setRow("followUpCalls", i, { text: v })} error={error(`followUpCalls.${i}.text`)} />
            </ListItem>
          ))}
        </ol>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() => {
            set({ followUpCalls: [...draft.followUpCalls, { rowId: rowId(), role: "", amount: "", unit: "hours", text: "" }] });
            focusSoon(fid(`followUpCalls.${draft.followUpCalls.length}.role`));
          }}
        >
          Lägg till uppföljande samtal
        </button>
      </FieldGroup>

      <FieldGroup id={fid("manualChecklist")} legend="Punkter att bocka av" hint="Punkter i rutinen som användaren bockar av själv (inget i systemet visar att de är gjorda)." error={error("manualChecklist")}>
        {draft.manualChecklist.length === 0 ? <p className="mb-2 text-muted">Inga punkter.</p> : null}
        <ol className="grid gap-1">
          {draft.manualChecklist.map((c, i) => (
            <ListItem key={c.rowId} id={fid(`manualChecklist.${i}`)} legend={`Punkt ${i + 1}`} onRemove={() => removeRow("manualChecklist", i)} removeLabel={`Ta bort punkt ${i + 1}`}>
              <TextField id={fid(`manualChecklist.${i}.text`)} label="Text" hint="Skriv som en uppmaning, t.ex. Skicka med läkemedelslistan i förslutet kuvert." value={c.text} onChange={(v) => setRow("manualChecklist", i, { text: v })} error={error(`manualChecklist.${i}.text`)} />
              <div className="grid gap-x-4 sm:grid-cols-2">
                <SelectField id={fid(`manualChecklist.${i}.role`)} label="Ansvarig part" value={c.role} onChange={(v) => setRow("manualChecklist", i, { role: v as PartyRole })} options={ROLE_OPTIONS} placeholder="Välj part" error={error(`manualChecklist.${i}.role`)} />
                <SelectField id={fid(`manualChecklist.${i}.when`)} label="När" value={c.when} onChange={(v) => setRow("manualChecklist", i, { when: v as ManualCheck["when"] })} options={WHEN_OPTIONS} placeholder="Välj när" error={error(`manualChecklist.${i}.when`)} />
              </div>
            </ListItem>
          ))}
        </ol>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() => {
            set({ manualChecklist: [...draft.manualChecklist, { rowId: rowId(), key: "", text: "", role: "", when: "" }] });
            focusSoon(fid(`manualChecklist.${draft.manualChecklist.length}.text`));
          }}
        >
          Lägg till punkt
        </button>
      </FieldGroup>

      <FieldGroup id={fid("variants")} legend="Slag av driftstörning" hint="Vad som skiljer sig beroende på vilket system som inte fungerar. Ett system kan bara ingå i ett slag." error={error("variants")}>
        {draft.variants.length === 0 ? <p className="mb-2 text-muted">Inga slag av driftstörning: samma rutin gäller för alla system.</p> : null}
        <ol className="grid gap-1">
          {draft.variants.map((v, i) => (
            <ListItem key={v.rowId} id={fid(`variants.${i}`)} legend={`Slag av driftstörning ${i + 1}`} onRemove={() => removeRow("variants", i)} removeLabel={`Ta bort slag av driftstörning ${i + 1}`}>
              <TextField id={fid(`variants.${i}.name`)} label="Namn" hint="T.ex. Journalsystemet fungerar inte." value={v.name} onChange={(x) => setRow("variants", i, { name: x })} error={error(`variants.${i}.name`)} />
              <FieldGroup id={fid(`variants.${i}.systems`)} legend="Gäller när detta inte fungerar" error={error(`variants.${i}.systems`)}>
                {OUTAGE_SYSTEMS.map((s) => (
                  <Checkbox
                    key={s}
                    id={fid(`variants.${i}.systems.${s}`)}
                    label={OUTAGE_SYSTEM_LABELS[s]}
                    checked={v.systems.includes(s)}
                    onChange={(on) => setRow("variants", i, { systems: on ? OUTAGE_SYSTEMS.filter((x) => x === s || v.systems.includes(x)) : v.systems.filter((x) => x !== s) })}
                  />
                ))}
              </FieldGroup>
              <TextArea id={fid(`variants.${i}.instructions`)} label="Instruktioner" hint="En instruktion per rad. Visas med bannern och i reservpärmen." rows={5} value={v.instructions} onChange={(x) => setRow("variants", i, { instructions: x })} error={error(`variants.${i}.instructions`)} />
              <FieldGroup id={fid(`variants.${i}.stepNotes`)} legend="Anvisningar per moment" optional hint="Visas i ”Vem ska jag ringa” för momentet. Lämna tomt där rutinen inte säger något särskilt.">
                {PHONE_STEPS.map((s) => (
                  <TextArea
                    key={s}
                    id={fid(`variants.${i}.stepNotes.${s}`)}
                    label={PHONE_STEP_LABELS[s]}
                    optional
                    rows={2}
                    value={v.stepNotes[s]}
                    onChange={(x) => setRow("variants", i, { stepNotes: { ...v.stepNotes, [s]: x } })}
                    error={error(`variants.${i}.stepNotes.${s}`)}
                  />
                ))}
              </FieldGroup>
            </ListItem>
          ))}
        </ol>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() => {
            set({ variants: [...draft.variants, { rowId: rowId(), key: "", name: "", systems: [], instructions: "", stepNotes: emptyNotes() }] });
            focusSoon(fid(`variants.${draft.variants.length}.name`));
          }}
        >
          Lägg till slag av driftstörning
        </button>
      </FieldGroup>

      <h2 className="mb-2 mt-6 text-xl font-semibold">Rutinens text</h2>
      <FieldGroup
        id={fid("sections")}
        legend="Avsnitt i reservpärmen"
        hint="Skilj stycken åt med en tom rad. Rader som börjar med ”- ” blir en punktlista och rader som börjar med ”1. ” en numrerad lista."
        error={error("sections")}
      >
        <ol className="grid gap-1">
          {draft.sections.map((s, i) => (
            <ListItem
              key={s.rowId}
              id={fid(`sections.${i}`)}
              legend={`Avsnitt ${i + 1}${s.heading.trim() ? `: ${s.heading.trim()}` : ""}`}
              onRemove={() => removeRow("sections", i)}
              removeLabel={`Ta bort avsnitt ${i + 1}`}
              extra={
                <>
                  <button
                    type="button"
                    id={fid(`sections.${i}.up`)}
                    className={BUTTON_SECONDARY}
                    disabled={i === 0}
                    onClick={() => {
                      set({ sections: draft.sections.map((x, j) => (j === i - 1 ? s : j === i ? draft.sections[i - 1]! : x)) });
                      focusSoon(fid(`sections.${i - 1}.up`));
                    }}
                  >
                    Flytta upp<span className="sr-only"> avsnitt {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    id={fid(`sections.${i}.down`)}
                    className={BUTTON_SECONDARY}
                    disabled={i === draft.sections.length - 1}
                    onClick={() => {
                      set({ sections: draft.sections.map((x, j) => (j === i + 1 ? s : j === i ? draft.sections[i + 1]! : x)) });
                      focusSoon(fid(`sections.${i + 1}.down`));
                    }}
                  >
                    Flytta ned<span className="sr-only"> avsnitt {i + 1}</span>
                  </button>
                </>
              }
            >
              <TextField id={fid(`sections.${i}.heading`)} label="Rubrik" value={s.heading} onChange={(v) => setRow("sections", i, { heading: v })} error={error(`sections.${i}.heading`)} />
              <TextArea id={fid(`sections.${i}.text`)} label="Text" rows={Math.min(16, Math.max(4, s.text.split("\n").length + 1))} value={s.text} onChange={(v) => setRow("sections", i, { text: v })} error={error(`sections.${i}.text`)} />
            </ListItem>
          ))}
        </ol>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() => {
            set({ sections: [...draft.sections, { rowId: rowId(), heading: "", text: "" }] });
            focusSoon(fid(`sections.${draft.sections.length}.heading`));
          }}
        >
          Lägg till avsnitt
        </button>
      </FieldGroup>

      <details className="mb-6 mt-2">
        <summary className="cursor-pointer rounded px-1 py-2 text-lg font-semibold text-brand-700">Förhandsvisning: så läses rutinen</summary>
        <Preview draft={draft} region={region} />
      </details>

      <div className="mb-6 flex flex-wrap gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={busy}>
          {save.isPending ? "Sparar …" : "Spara rutinen"}
        </button>
        <button type="button" className={BUTTON_SECONDARY} disabled={busy} onClick={() => setAskReset(true)}>
          Återställ till ursprunglig rutin
        </button>
      </div>
      {askReset ? (
        <div className="mb-6 rounded border border-warn bg-warn-bg p-3 text-ink" role="group" aria-labelledby={`${P}-aterstall`}>
          <p id={`${P}-aterstall`} className="mb-2">
            Återställ till {view.original.seeded ? "den inlästa rutinen" : "Vårdkedjans standardrutin"} ”{view.original.name}” ({view.original.sourceTitle})? Den sparade rutinen och ändringarna här ersätts; återställningen sparas som en ny version.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className={BUTTON_PRIMARY} onClick={doReset} disabled={busy} autoFocus>
              {reset.isPending ? "Återställer …" : "Ja, återställ"}
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setAskReset(false)} disabled={busy}>
              Avbryt
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

/**
 * Förvaltning's "Reservrutin för driftstörning" (issue 4): the region's routine profile as a form,
 * seeded from the source routine (Sörmland seed 000, Västernorrland seed 002). Saving applies it
 * to every rule at once; if someone else saved first the save is refused and the page says so.
 */
export function RoutineProfilePage() {
  const trpc = useTRPC();
  const query = useQuery(trpc.outage.routineProfile.queryOptions());
  /** Bumped to open the editor again on the stored routine (after a reload or a reset). */
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState("");
  const data = query.data;
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** Opens the form again on the stored routine; focus goes to the page heading (the form it was in is gone). */
  const reload = () => {
    void query.refetch().then(() => {
      setGeneration((g) => g + 1);
      requestAnimationFrame(() => headingRef.current?.focus());
    });
  };
  /** Cleared first, so that the same text is announced again after the next save. */
  const announce = (text: string) => {
    setStatus("");
    if (text) requestAnimationFrame(() => setStatus(text));
  };

  return (
    <section aria-labelledby="rutin-rubrik">
      <h1 id="rutin-rubrik" ref={headingRef} tabIndex={-1} className="mb-1 text-2xl font-semibold">
        Reservrutin för driftstörning
      </h1>
      <p className="mb-3 text-muted">
        Regionens rutin vid driftstörning: reglerna som Vårdkedjan tillämpar under och efter en driftstörning, och texten i reservpärmen. Ändringar gäller direkt när du sparar.
      </p>
      <div role="status" aria-live="polite" data-testid="routine-status" className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}>
        {status ? (
          <p>
            <span aria-hidden="true">✓ </span>
            {status}
          </p>
        ) : null}
      </div>
      {query.error ? <ErrorNotice error={callError(query.error)} where="page" /> : null}
      {!data && !query.error ? <p role="status">Hämtar rutinen …</p> : null}
      {data ? (
        <>
          <p className="mb-3" data-testid="routine-version">
            <span className="font-medium">{data.regionName}.</span>{" "}
            {data.version === 0
              ? `Rutinen är den ursprungliga${data.original.seeded ? ", inläst från regionens källdokument" : " standardrutinen"}; den har inte ändrats här.`
              : `Version ${data.version}, senast ändrad ${formatDateTime(data.updatedAt)}${data.updatedByName ? ` av ${data.updatedByName}` : ""}.`}
          </p>
          <Editor key={generation} view={data} fetching={query.isFetching} onReload={reload} onStatus={announce} />
        </>
      ) : null}
    </section>
  );
}
