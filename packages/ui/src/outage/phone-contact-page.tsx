"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PHONE_STEPS, PHONE_STEP_LABELS, type PhoneStep } from "@vardkedjan/domain/outage/types";
import { parsePhoneContactForm } from "@vardkedjan/domain/outage/phone-form";
import { isUuid } from "@vardkedjan/domain/ids";
import { CONSENT_KINDS, type ConsentKind } from "@vardkedjan/domain/case/types";
import { CONSENT_KIND_LABELS, PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { useTRPC } from "../trpc/react";
import { callError, type CallError, type FieldError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { ErrorSummary } from "../kit/error-summary";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, Checkbox, FieldGroup, Radios, SelectField, TextArea, TextField } from "../kit/fields";
import { formatDateTime, fromLocalInput, newIdempotencyKey, toLocalInput } from "../kit/format";
import { useOutageMode } from "./outage-mode";
import { clearSessionDraft, loadSessionDraft, saveSessionDraft } from "../kit/session-draft";
import { useHydrated } from "./use-hydrated";

const DRAFT_KEY = "vk-utkast:telefonkontakt";
const P = "tk";
const OTHER_UNIT = "__annan";

type ConsentAnswer = "" | "ja" | "nej";

interface PhoneDraft {
  /** Made when the form opened: a double click or a retry logs the call once. */
  key: string;
  date: string;
  time: string;
  patientMode: "arende" | "personnummer";
  caseId: string;
  patientIdentifier: string;
  counterpartKind: "enhet" | "patient";
  counterpartName: string;
  /** A party unit of the case, OTHER_UNIT for free text, "" for not chosen. */
  unitChoice: string;
  counterpartUnitText: string;
  steps: PhoneStep[];
  direction: "" | "lamnat" | "mottaget";
  receiverConfirmed: boolean;
  estimatedDischargeDate: string;
  dischargeAt: string;
  sipAt: string;
  readyDecidedAt: string;
  consents: Record<ConsentKind, ConsentAnswer>;
  comment: string;
}

function freshDraft(caseId?: string): PhoneDraft {
  const now = toLocalInput(new Date());
  return {
    key: newIdempotencyKey(),
    date: now.slice(0, 10),
    time: now.slice(11, 16),
    patientMode: "arende",
    caseId: caseId && isUuid(caseId) ? caseId : "",
    patientIdentifier: "",
    counterpartKind: "enhet",
    counterpartName: "",
    unitChoice: "",
    counterpartUnitText: "",
    steps: [],
    direction: "",
    receiverConfirmed: false,
    estimatedDischargeDate: "",
    dischargeAt: "",
    sipAt: "",
    readyDecidedAt: "",
    consents: { informationsoverforing_kommun: "", informationsoverforing_vardcentral: "", npo: "", sip: "" },
    comment: "",
  };
}

const isDraft = (v: unknown): v is PhoneDraft =>
  typeof v === "object" && v !== null && typeof (v as PhoneDraft).key === "string" && Array.isArray((v as PhoneDraft).steps) && typeof (v as PhoneDraft).consents === "object";

/**
 * The time as the form sends it. The clock shows minutes, the outage started at a second: a call in
 * the outage's first minute ("04:11" for an outage declared 04:11:30) is sent as the start itself,
 * not refused as lying before the outage.
 */
function timeFields(d: PhoneDraft, outageStart: Date | undefined): { date: string; time: string } | { occurredAt: string } {
  const at = fromLocalInput(`${d.date}T${d.time}`);
  if (at && outageStart && at.getTime() < outageStart.getTime() && outageStart.getTime() - at.getTime() < 60_000) return { occurredAt: outageStart.toISOString() };
  return { date: d.date, time: d.time };
}

/** The form as the domain's parser (and the API) take it. */
function toForm(d: PhoneDraft, outageStart?: Date) {
  const unitId = d.unitChoice && d.unitChoice !== OTHER_UNIT ? d.unitChoice : "";
  const has = (s: PhoneStep) => d.steps.includes(s);
  return {
    ...timeFields(d, outageStart),
    caseId: d.patientMode === "arende" ? d.caseId : "",
    patientIdentifier: d.patientMode === "personnummer" ? d.patientIdentifier.trim() : "",
    counterpartKind: d.counterpartKind,
    counterpartName: d.counterpartName,
    counterpartUnitId: d.counterpartKind === "enhet" ? unitId : "",
    counterpartUnitText: d.counterpartKind === "enhet" && !unitId ? d.counterpartUnitText : "",
    steps: d.steps,
    direction: d.direction || undefined,
    receiverConfirmed: d.direction === "lamnat" ? d.receiverConfirmed : false,
    comment: d.comment,
    estimatedDischargeDate: has("beraknat_utskrivningsdatum") ? d.estimatedDischargeDate : "",
    dischargeAt: has("faktiskt_utskrivningsdatum") || has("utskrivningsmeddelande") ? d.dischargeAt : "",
    sipAt: has("sip_datum") ? d.sipAt : "",
    readyDecidedAt: has("utskrivningsklar") ? d.readyDecidedAt : "",
    consents: has("samtycke")
      ? CONSENT_KINDS.filter((k) => d.consents[k] !== "").map((k) => ({ kind: k, given: d.consents[k] === "ja" }))
      : undefined,
  };
}

/** Where an error belongs on this form (the parser names the data, the form has its own controls). */
function placeError(e: FieldError, d: PhoneDraft): FieldError {
  const top = e.path.split(".")[0] ?? "";
  if (top === "occurredAt" || top === "date") return { ...e, path: top === "date" ? "date" : "time" };
  if (top === "patientIdentifier" && d.patientMode === "arende") return { ...e, path: "caseId" };
  if ((top === "counterpartUnitText" || top === "counterpartUnitId") && d.unitChoice !== OTHER_UNIT && d.patientMode === "arende" && d.caseId)
    return { ...e, path: "unitChoice" };
  if (top === "consents") return { ...e, path: "consents" };
  return { ...e, path: top };
}

const STEP_HINTS: Partial<Record<PhoneStep, string>> = {
  samtycke: "Ange vilka samtycken som överlämnades.",
  faktiskt_utskrivningsdatum: "Ange tiden för hemgång.",
  sip_datum: "Ange tiden för SIP-mötet.",
};

interface Logged {
  at: string;
  counterpart: string;
  caseId: string;
  provisional: boolean;
}

function PhoneContactForm({ initialCaseId }: { initialCaseId?: string }) {
  const trpc = useTRPC();
  const { active, outages } = useOutageMode();
  const [restored, setRestored] = useState(() => loadSessionDraft(DRAFT_KEY, isDraft) !== null);
  const [draft, setDraftState] = useState<PhoneDraft>(() => loadSessionDraft(DRAFT_KEY, isDraft) ?? freshDraft(initialCaseId));
  const [dirty, setDirty] = useState(restored);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [logged, setLogged] = useState<Logged | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (dirty) saveSessionDraft(DRAFT_KEY, draft);
  }, [draft, dirty]);

  const set = (patch: Partial<PhoneDraft>) => {
    setDirty(true);
    setDraftState((d) => ({ ...d, ...patch }));
  };

  const me = useQuery(trpc.session.current.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const cases = useQuery(trpc.case.list.queryOptions({ page: 1, pageSize: 200, includeClosed: false }, { staleTime: 60_000 }));
  const chosenCase = draft.patientMode === "arende" && isUuid(draft.caseId) ? draft.caseId : null;
  const caseView = useQuery({ ...trpc.case.get.queryOptions({ caseId: chosenCase ?? "" }), enabled: chosenCase !== null });
  const [caseFilter, setCaseFilter] = useState("");

  const log = useMutation(trpc.outage.logPhoneContact.mutationOptions());

  const caseOptions = useMemo(() => {
    const rows = cases.data?.rows ?? [];
    const q = caseFilter.trim().toLowerCase().replace(/[\s-]/g, "");
    return rows
      .filter((r) => r.caseId === draft.caseId || !q || `${r.patientName}${r.patientIdentifier}${r.reference}`.toLowerCase().replace(/[\s-]/g, "").includes(q))
      .map((r) => ({ value: r.caseId, label: `${r.patientName}, ${r.patientIdentifier} · ${r.reference}` }));
  }, [cases.data, caseFilter, draft.caseId]);

  const partyOptions = (caseView.data?.parties ?? [])
    .filter((p) => !caseView.data?.viewer.unitIds.includes(p.unitId))
    .map((p) => ({ value: p.unitId, label: `${p.unitName} · ${PARTY_ROLE_LABELS[p.role].indefinite}${p.phone ? ` · tfn ${p.phone}` : ""}` }));

  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const id = (f: string) => `${P}-${f}`;
  const has = (s: PhoneStep) => draft.steps.includes(s);
  const outageStart = outages[0]?.startedAt ? new Date(outages[0].startedAt) : undefined;

  const submit = () => {
    if (log.isPending) return;
    const form = toForm(draft, outageStart);
    const parsed = parsePhoneContactForm(form, { now: new Date(), outage: outageStart ? { startedAt: outageStart, endedAt: null } : undefined });
    const found = parsed.ok ? [] : parsed.errors.map((e) => placeError(e, draft));
    setFailure(null);
    setErrors(found);
    setLogged(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    log.mutate(
      { form, idempotencyKey: draft.key },
      {
        onSuccess: (result) => {
          const unit = partyOptions.find((o) => o.value === draft.unitChoice)?.label.split(" · ")[0] ?? draft.counterpartUnitText.trim();
          const counterpart = draft.counterpartKind === "patient" ? "patienten" : [draft.counterpartName.trim(), unit].filter(Boolean).join(", ");
          const at = "occurredAt" in form ? new Date(form.occurredAt) : fromLocalInput(`${draft.date}T${draft.time}`);
          setLogged({ at: at ? formatDateTime(at) : `${draft.date} ${draft.time}`, counterpart, caseId: result.caseId, provisional: result.provisionalCaseCreated });
          clearSessionDraft(DRAFT_KEY);
          setDirty(false);
          setRestored(false);
          setDraftState(freshDraft());
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: (e) => {
          const err = callError(e);
          const placed = err.fieldErrors.map((f) => placeError({ ...f, path: f.path.replace(/^form\./, "") }, draft));
          setErrors(placed);
          setFailure(err);
          requestAnimationFrame(() => (placed.length > 0 ? summaryRef.current : failureRef.current)?.focus());
        },
      },
    );
  };

  const reset = () => {
    clearSessionDraft(DRAFT_KEY);
    setDirty(false);
    setRestored(false);
    setDraftState(freshDraft());
    setErrors([]);
    setFailure(null);
  };

  const setNow = () => {
    const now = toLocalInput(new Date());
    set({ date: now.slice(0, 10), time: now.slice(11, 16) });
  };

  return (
    <>
      {!active ? (
        <p className="mb-4 rounded border border-line bg-white p-3" data-testid="no-outage">
          Ingen pågående driftstörning berör din enhet just nu. Telefonkontakter loggas under en driftstörning; det du skriver sparas som utkast i den
          här fliken.
        </p>
      ) : null}
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        data-testid="phone-status"
        className={logged ? "mb-4 rounded border border-ok bg-ok-bg p-3 text-ok" : "sr-only"}
      >
        {logged ? (
          <>
            <p className="font-semibold">
              Telefonkontakten är loggad: {logged.at} med {logged.counterpart}.
            </p>
            {logged.provisional ? <p>Ett provisoriskt ärende har skapats för patienten, så att ärendet finns när driftstörningen är över.</p> : null}
            <p className="mt-1">
              <Link href={`/arenden/${logged.caseId}`} className="text-ok">
                Öppna ärendet
              </Link>{" "}
              eller logga nästa samtal nedan.
            </p>
          </>
        ) : null}
      </div>
      {restored ? (
        <p className="mb-3 flex flex-wrap items-center gap-3 rounded border border-line bg-brand-50 p-2 text-sm">
          Ett sparat utkast har återställts.
          <button type="button" className="underline" onClick={reset}>
            Töm formuläret
          </button>
        </p>
      ) : null}
      <form
        noValidate
        aria-labelledby="telefonkontakt-rubrik"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="max-w-3xl"
        data-testid="phone-contact-form"
      >
        {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} prefix={P} /> : null}
        {failure && errors.length === 0 ? (
          <div className="mb-4">
            <ErrorNotice ref={failureRef} error={failure} where="form" />
          </div>
        ) : null}

        <FieldGroup id={id("tid")} legend="När var samtalet?">
          <div className="flex flex-wrap items-end gap-4">
            <TextField id={id("date")} label="Datum" type="date" value={draft.date} onChange={(v) => set({ date: v })} error={error("date")} className="mb-0" />
            <TextField id={id("time")} label="Klockslag" type="time" value={draft.time} onChange={(v) => set({ time: v })} error={error("time")} className="mb-0" />
            <button type="button" className={BUTTON_SECONDARY} onClick={setNow}>
              Nu
            </button>
          </div>
        </FieldGroup>

        <FieldGroup id={id("patient")} legend="Patient">
          <Radios
            id={id("patientMode")}
            legend="Välj patient"
            inline
            value={draft.patientMode}
            onChange={(v) => set({ patientMode: v as PhoneDraft["patientMode"], unitChoice: "" })}
            options={[
              { value: "arende", label: "Ur min enhets ärenden" },
              { value: "personnummer", label: "Patient utan ärende (personnummer)" },
            ]}
          />
          {draft.patientMode === "arende" ? (
            <>
              <TextField
                id={id("caseFilter")}
                label="Sök bland ärendena"
                hint="Namn, personnummer eller ärendenummer. Sökningen görs här i webbläsaren."
                optional
                value={caseFilter}
                onChange={setCaseFilter}
              />
              <SelectField
                id={id("caseId")}
                label="Ärende"
                value={draft.caseId}
                onChange={(v) => set({ caseId: v, unitChoice: "" })}
                options={caseOptions}
                placeholder={cases.isPending ? "Hämtar ärenden …" : caseOptions.length ? "Välj ärende" : "Inga ärenden att välja"}
                error={error("caseId")}
              />
            </>
          ) : (
            <TextField
              id={id("patientIdentifier")}
              label="Personnummer, samordningsnummer eller reservnummer"
              hint="ÅÅÅÅMMDD-NNNN. Har patienten inget ärende öppnar avdelningen ett provisoriskt ärende när samtalet loggas."
              inputMode="numeric"
              value={draft.patientIdentifier}
              onChange={(v) => set({ patientIdentifier: v })}
              error={error("patientIdentifier")}
            />
          )}
        </FieldGroup>

        <FieldGroup id={id("motpart")} legend="Vem talade du med?">
          <Radios
            id={id("counterpartKind")}
            legend="Motpart"
            inline
            value={draft.counterpartKind}
            onChange={(v) => set({ counterpartKind: v as PhoneDraft["counterpartKind"] })}
            options={[
              { value: "enhet", label: "En annan enhet" },
              { value: "patient", label: "Patienten (uppföljningssamtal)" },
            ]}
            error={error("counterpartKind")}
          />
          {draft.counterpartKind === "enhet" ? (
            <>
              <TextField
                id={id("counterpartName")}
                label="Namn på den du talade med"
                autoComplete="off"
                value={draft.counterpartName}
                onChange={(v) => set({ counterpartName: v })}
                error={error("counterpartName")}
              />
              {chosenCase ? (
                <SelectField
                  id={id("unitChoice")}
                  label="Den andra partens enhet"
                  value={draft.unitChoice}
                  onChange={(v) => set({ unitChoice: v })}
                  options={[...partyOptions, { value: OTHER_UNIT, label: "Annan enhet (skriv namnet)" }]}
                  placeholder={caseView.isPending ? "Hämtar ärendets parter …" : "Välj enhet"}
                  error={error("unitChoice")}
                />
              ) : null}
              {!chosenCase || draft.unitChoice === OTHER_UNIT ? (
                <TextField
                  id={id("counterpartUnitText")}
                  label="Den andra partens enhet"
                  hint="T.ex. Biståndsenheten Eskilstuna."
                  value={draft.counterpartUnitText}
                  onChange={(v) => set({ counterpartUnitText: v })}
                  error={error("counterpartUnitText") ?? error("counterpartUnitId")}
                />
              ) : null}
            </>
          ) : (
            <TextField
              id={id("counterpartName")}
              label="Namn (om någon annan än patienten svarade)"
              optional
              value={draft.counterpartName}
              onChange={(v) => set({ counterpartName: v })}
              error={error("counterpartName")}
            />
          )}
        </FieldGroup>

        <FieldGroup id={id("steps")} legend="Vilka moment gällde samtalet?" error={error("steps")}>
          <div className="grid gap-x-6 sm:grid-cols-2">
            {PHONE_STEPS.map((s) => (
              <Checkbox
                key={s}
                id={id(`step-${s}`)}
                label={PHONE_STEP_LABELS[s]}
                hint={has(s) ? STEP_HINTS[s] : undefined}
                checked={has(s)}
                onChange={(on) => set({ steps: on ? PHONE_STEPS.filter((x) => x === s || draft.steps.includes(x)) : draft.steps.filter((x) => x !== s) })}
              />
            ))}
          </div>
        </FieldGroup>

        {has("beraknat_utskrivningsdatum") ? (
          <TextField
            id={id("estimatedDischargeDate")}
            label="Beräknat utskrivningsdatum"
            type="date"
            value={draft.estimatedDischargeDate}
            onChange={(v) => set({ estimatedDischargeDate: v })}
            error={error("estimatedDischargeDate")}
          />
        ) : null}
        {has("utskrivningsklar") ? (
          <TextField
            id={id("readyDecidedAt")}
            label="Läkarens beslut om utskrivningsklar, tid"
            type="datetime-local"
            optional
            value={draft.readyDecidedAt}
            onChange={(v) => set({ readyDecidedAt: v })}
            error={error("readyDecidedAt")}
          />
        ) : null}
        {has("faktiskt_utskrivningsdatum") || has("utskrivningsmeddelande") ? (
          <TextField
            id={id("dischargeAt")}
            label="Tid för hemgång"
            type="datetime-local"
            optional={!has("faktiskt_utskrivningsdatum")}
            value={draft.dischargeAt}
            onChange={(v) => set({ dischargeAt: v })}
            error={error("dischargeAt")}
          />
        ) : null}
        {has("sip_datum") ? (
          <TextField id={id("sipAt")} label="SIP-möte, datum och tid" type="datetime-local" value={draft.sipAt} onChange={(v) => set({ sipAt: v })} error={error("sipAt")} />
        ) : null}
        {has("samtycke") ? (
          <FieldGroup id={id("consents")} legend="Samtycken som överlämnades" error={error("consents")}>
            {CONSENT_KINDS.map((k) => (
              <Radios
                key={k}
                id={id(`consent-${k}`)}
                legend={CONSENT_KIND_LABELS[k]}
                inline
                value={draft.consents[k]}
                onChange={(v) => set({ consents: { ...draft.consents, [k]: v as ConsentAnswer } })}
                options={[
                  { value: "ja", label: "Ja" },
                  { value: "nej", label: "Nej" },
                  { value: "", label: "Inte aktuellt" },
                ]}
              />
            ))}
          </FieldGroup>
        ) : null}

        <Radios
          id={id("direction")}
          legend="Lämnade eller tog du emot informationen?"
          inline
          value={draft.direction}
          onChange={(v) => set({ direction: v as PhoneDraft["direction"] })}
          options={[
            { value: "lamnat", label: "Lämnat" },
            { value: "mottaget", label: "Mottaget" },
          ]}
          error={error("direction")}
        />
        {draft.direction === "lamnat" ? (
          <Checkbox
            id={id("receiverConfirmed")}
            label="Mottagaren bekräftade att informationen tagits emot"
            hint="Utskrivning får inte ske innan mottagande enhet har bekräftat."
            checked={draft.receiverConfirmed}
            onChange={(v) => set({ receiverConfirmed: v })}
          />
        ) : null}

        <TextArea id={id("comment")} label="Kommentar" optional value={draft.comment} onChange={(v) => set({ comment: v })} error={error("comment")} />

        <p className="mb-4 text-sm text-muted">
          Signeras av: <span className="font-medium text-ink">{me.data?.name ?? "dig (inloggad)"}</span>, när du loggar samtalet.
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={BUTTON_PRIMARY} disabled={log.isPending} aria-disabled={log.isPending}>
            {log.isPending ? "Loggar …" : "Logga telefonkontakt"}
          </button>
          <button type="button" className={BUTTON_SECONDARY} onClick={reset} disabled={log.isPending}>
            Töm formuläret
          </button>
        </div>
        {outageStart ? (
          <p className="mt-3 text-sm text-muted">Driftstörningen började {formatDateTime(outageStart)}; samtal före dess kan inte loggas här.</p>
        ) : null}
      </form>
    </>
  );
}

/**
 * "Logga telefonkontakt": the digital outage form (seed 002), quick to fill during a call. The
 * time is now unless changed; the patient is one of the unit's cases or, without a case, a
 * personnummer (a provisional case). What is typed is kept as a draft in this tab.
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
