"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { DUPLICATE_CHECKED_KINDS } from "@vardkedjan/domain/outage/after-registration-duplicates";
import { AFTER_REGISTRATION_KIND_LABELS } from "@vardkedjan/domain/outage/after-registration-types";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../case/call-error";
import { ErrorNotice } from "../case/error-notice";
import { BUTTON_PRIMARY, Checkbox, TextArea, TextField } from "../case/fields";
import { formatDateTime, fromLocalInput, toLocalInput } from "../case/format";
import type { AfterRegistrationEntry, AfterRegistrationList } from "./labels";
import { ProgressTable } from "./progress-table";
import { FixedCareContactFields, PossibleDuplicate, PrivateNotes, VoidItem } from "./after-registration-duplicate";
import { clearSessionDraft, loadSessionDraft, saveSessionDraft } from "./session-draft";

type Values = Record<string, string | boolean>;

const SIP_CONSENT: Record<string, string> = { given: "Samtycke finns", refused: "Samtycke saknas", unknown: "Okänt" };

/** The editable part of each kind's message, from the item's prefill. */
function initialValues(item: AfterRegistrationEntry): Values {
  const p = item.prefill.payload;
  const s = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : "");
  switch (item.kind) {
    case "register_admission":
      return { estimatedDischargeDate: s("estimatedDischargeDate"), freeText: item.prefill.freeText ?? "" };
    case "register_discharge":
      return { dischargePlan: s("dischargePlan"), medicationList: s("medicationList"), aidsReturned: s("aidsReturned"), freeText: item.prefill.freeText ?? "" };
    case "register_planning_basis":
      return { needs: s("needs"), adlStatus: s("adlStatus"), homeSituation: s("homeSituation"), aids: s("aids"), freeText: item.prefill.freeText ?? "" };
    case "summary_message": {
      const groups = item.prefill.recipientGroups ?? [];
      return Object.fromEntries([["text", groups[0]?.text ?? s("text")], ...groups.slice(1).map((g, i) => [groupField(i + 1), g.text])]);
    }
    case "confirm_fixed_care_contact":
      return { fixedCareContactStaffId: "", knownToUnit: "", currentServices: "" };
    case "formal_sip_call":
      return {
        meetingAt: s("meetingAt") ? toLocalInput(new Date(s("meetingAt"))) : "",
        place: s("place"),
        video: p.video === true,
        videoLink: s("videoLink"),
        participants: Array.isArray(p.participants) ? (p.participants as string[]).join("\n") : "",
      };
    default:
      return {};
  }
}

/** The field of a summary's recipient group after the first ("text"). */
const groupField = (i: number) => (i === 0 ? "text" : `text_${i}`);

/** The payload and free text to register, merged by the API over the prefill. */
function toInput(item: AfterRegistrationEntry, v: Values): { payload: Record<string, unknown> | null; freeText: string | null; summaryTexts?: string[] } {
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string).trim() : "");
  const opt = (k: string) => str(k) || undefined;
  switch (item.kind) {
    case "register_admission":
      return { payload: { estimatedDischargeDate: opt("estimatedDischargeDate") }, freeText: str("freeText") || null };
    case "register_discharge":
      return { payload: { dischargePlan: opt("dischargePlan"), medicationList: opt("medicationList"), aidsReturned: opt("aidsReturned") }, freeText: str("freeText") || null };
    case "register_planning_basis":
      return { payload: { needs: opt("needs"), adlStatus: opt("adlStatus"), homeSituation: opt("homeSituation"), aids: opt("aids") }, freeText: str("freeText") || null };
    case "summary_message": {
      const groups = item.prefill.recipientGroups ?? [];
      return { payload: { text: opt("text") }, freeText: null, ...(groups.length ? { summaryTexts: groups.map((_, i) => str(groupField(i))) } : {}) };
    }
    case "confirm_fixed_care_contact":
      return {
        payload: { fixedCareContactStaffId: opt("fixedCareContactStaffId"), knownToUnit: v.knownToUnit === "ja" ? true : v.knownToUnit === "nej" ? false : undefined, currentServices: str("currentServices") },
        freeText: null,
      };
    case "formal_sip_call": {
      const at = fromLocalInput(str("meetingAt"));
      return {
        payload: {
          meetingAt: at ? at.toISOString() : opt("meetingAt"),
          place: opt("place"),
          video: v.video === true,
          videoLink: v.video === true ? opt("videoLink") : undefined,
          participants: str("participants")
            .split("\n")
            .map((x) => x.trim())
            .filter(Boolean),
        },
        freeText: null,
      };
    }
    default:
      return { payload: null, freeText: null };
  }
}

/** The payload fields each kind's editor shows (an error on another field is listed in the notice). */
const EDITED: Record<string, readonly string[]> = {
  register_admission: ["estimatedDischargeDate", "freeText"],
  register_discharge: ["dischargePlan", "medicationList", "aidsReturned", "freeText"],
  register_planning_basis: ["needs", "adlStatus", "homeSituation", "aids", "freeText"],
  summary_message: ["text"],
  formal_sip_call: ["meetingAt", "place", "videoLink", "participants"],
  confirm_fixed_care_contact: ["fixedCareContactStaffId", "knownToUnit", "currentServices"],
};
const fieldOf = (path: string) => path.replace(/^payload\./, "").split(".")[0] ?? "";

const draftKey = (itemId: string) => `vk-utkast:efterregistrering:${itemId}`;
const isValues = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);

function ItemEditor({ item, values, set, error }: { item: AfterRegistrationEntry; values: Values; set: (k: string, v: string | boolean) => void; error: (k: string) => string | undefined }) {
  const id = (k: string) => `ar-${item.id}-${k}`;
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const p = item.prefill.payload;
  switch (item.kind) {
    case "register_admission":
      return (
        <>
          <TextField id={id("estimatedDischargeDate")} label="Beräknat utskrivningsdatum" type="date" value={text("estimatedDischargeDate")} onChange={(v) => set("estimatedDischargeDate", v)} error={error("estimatedDischargeDate")} />
          {item.prefill.consents.length ? (
            <div className="mb-4">
              <p className="font-medium">Samtycke överlämnat per telefon (registreras med inskrivningen)</p>
              <ul className="list-disc pl-6 text-sm">
                {item.prefill.consents.map((c) => (
                  <li key={c.kind}>
                    {CONSENT_KIND_LABELS[c.kind]}: {c.given ? "ja" : "nej"}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <TextArea id={id("freeText")} label="Det som sades per telefon" optional rows={4} value={text("freeText")} onChange={(v) => set("freeText", v)} error={error("freeText")} />
        </>
      );
    case "register_discharge":
      return (
        <>
          <p className="mb-3 text-sm">
            Utskrivningstid:{" "}
            <span className="font-medium">{typeof p.dischargedAt === "string" ? formatDateTime(p.dischargedAt) : "–"}</span>
          </p>
          <TextArea id={id("dischargePlan")} label="Utskrivningsplanen" rows={4} value={text("dischargePlan")} onChange={(v) => set("dischargePlan", v)} error={error("dischargePlan")} />
          <TextArea id={id("medicationList")} label="Läkemedelslistan" rows={3} value={text("medicationList")} onChange={(v) => set("medicationList", v)} error={error("medicationList")} />
          <TextArea id={id("aidsReturned")} label="Hjälpmedel och läkemedel som följde med" optional rows={2} value={text("aidsReturned")} onChange={(v) => set("aidsReturned", v)} error={error("aidsReturned")} />
          <TextArea id={id("freeText")} label="Det som sades per telefon" optional rows={4} value={text("freeText")} onChange={(v) => set("freeText", v)} error={error("freeText")} />
        </>
      );
    case "register_planning_basis":
      return (
        <>
          <TextArea id={id("needs")} label="Behoven" rows={3} value={text("needs")} onChange={(v) => set("needs", v)} error={error("needs")} />
          <TextArea id={id("adlStatus")} label="ADL-status" optional rows={2} value={text("adlStatus")} onChange={(v) => set("adlStatus", v)} error={error("adlStatus")} />
          <TextArea id={id("homeSituation")} label="Boendesituationen" optional rows={2} value={text("homeSituation")} onChange={(v) => set("homeSituation", v)} error={error("homeSituation")} />
          <TextArea id={id("aids")} label="Hjälpmedel" optional rows={2} value={text("aids")} onChange={(v) => set("aids", v)} error={error("aids")} />
          <TextArea id={id("freeText")} label="Det som sades per telefon" optional rows={4} value={text("freeText")} onChange={(v) => set("freeText", v)} error={error("freeText")} />
        </>
      );
    case "summary_message": {
      const groups = item.prefill.recipientGroups ?? [];
      return (
        <>
          <p className="mb-2 text-sm">
            Rubrik: <span className="font-medium">{typeof p.subject === "string" ? p.subject : item.title}</span>
          </p>
          {groups.length > 1 ? (
            <p className="mb-2 text-sm" data-testid="summary-recipients-note">
              Mottagarna får se olika mycket av samtalen, så sammanfattningen skickas som {groups.length} meddelanden. Kontrollera vad var och en får.
            </p>
          ) : null}
          {groups.length === 0 ? (
            <TextArea id={id("text")} label="Sammanfattningen" rows={8} value={text("text")} onChange={(v) => set("text", v)} error={error("text")} />
          ) : (
            groups.map((g, i) => (
              <div key={g.recipientUnitIds.join(",")} className="mb-2" data-testid="summary-recipient-group">
                <p className="text-sm">
                  <span className="font-medium">Till {g.recipientNames.join(", ")}</span>
                  {g.restricted ? (
                    <span className="block text-muted">Begränsad version: mottagaren får inte se allt som sades (samtycke saknas, eller enheten deltog inte i samtalen).</span>
                  ) : (
                    <span className="block text-muted">Hela sammanfattningen.</span>
                  )}
                </p>
                <TextArea
                  id={id(groupField(i))}
                  label={groups.length === 1 ? "Sammanfattningen" : `Sammanfattningen till ${g.recipientNames.join(", ")}`}
                  rows={8}
                  value={text(groupField(i))}
                  onChange={(v) => set(groupField(i), v)}
                  error={i === 0 ? error("text") : undefined}
                />
              </div>
            ))
          )}
        </>
      );
    }
    case "formal_sip_call":
      return (
        <>
          <TextField id={id("meetingAt")} label="Mötestid" type="datetime-local" value={text("meetingAt")} onChange={(v) => set("meetingAt", v)} error={error("meetingAt")} />
          <TextField id={id("place")} label="Plats" optional value={text("place")} onChange={(v) => set("place", v)} error={error("place")} />
          <Checkbox id={id("video")} label="Mötet hålls via video" checked={values.video === true} onChange={(v) => set("video", v)} />
          {values.video === true ? <TextField id={id("videoLink")} label="Videolänk (https)" type="url" optional value={text("videoLink")} onChange={(v) => set("videoLink", v)} error={error("videoLink")} /> : null}
          <TextArea id={id("participants")} label="Deltagare" hint="En per rad." rows={3} value={text("participants")} onChange={(v) => set("participants", v)} error={error("participants")} />
          <p className="mb-3 text-sm">Samtycke till SIP: {SIP_CONSENT[String(p.consentStatus)] ?? "Okänt"}</p>
        </>
      );
    case "confirm_fixed_care_contact":
      return <FixedCareContactFields item={item} values={values} set={set} error={error} />;
    default:
      return null;
  }
}

function TodoItem({ item, onDone }: { item: AfterRegistrationEntry; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<Values>(() => loadSessionDraft(draftKey(item.id), isValues) ?? initialValues(item));
  const [dirty, setDirty] = useState(false);
  const [failure, setFailure] = useState<CallError | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);
  const register = useMutation(trpc.outage.registerAfterRegistration.mutationOptions());

  useEffect(() => {
    if (dirty) saveSessionDraft(draftKey(item.id), values);
  }, [dirty, item.id, values]);

  const set = (k: string, v: string | boolean) => {
    setDirty(true);
    setValues((old) => ({ ...old, [k]: v }));
  };
  const error = (k: string) => failure?.fieldErrors.find((f) => fieldOf(f.path) === k)?.message;
  const unplaced = failure?.fieldErrors.filter((f) => !(EDITED[item.kind] ?? []).includes(fieldOf(f.path))) ?? [];
  const acknowledge = item.kind === "acknowledge";
  // A possible duplicate, flagged when the list was made or found when registering (the API refuses
  // with CONFLICT): the user registers anyway or dismisses it.
  const duplicate = !!item.prefill.possibleDuplicate || (failure?.appCode === "CONFLICT" && DUPLICATE_CHECKED_KINDS.has(item.kind));

  const submit = () => {
    // A double click comes before the pending state renders: the ref stops the second request.
    if (register.isPending || inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    const input = toInput(item, values);
    register.mutate(
      { itemId: item.id, payload: input.payload, freeText: input.freeText, summaryTexts: input.summaryTexts ?? null, registerAnyway: duplicate },
      {
        onSuccess: () => {
          clearSessionDraft(draftKey(item.id));
          setDirty(false);
          onDone(`Registrerat: ${item.title}${item.patientName ? `, ${item.patientName}` : ""}, med händelsetiden ${formatDateTime(item.eventAt)}.`);
        },
        onError: (e) => {
          setFailure(callError(e));
          requestAnimationFrame(() => failureRef.current?.focus());
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const headingId = `ar-${item.id}-rubrik`;
  return (
    <li className="rounded border border-line bg-white p-4" data-testid="after-registration-item">
      <h3 id={headingId} className="text-lg font-semibold">
        {item.title}
      </h3>
      <dl className="mt-2 mb-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Typ</dt>
        <dd>{AFTER_REGISTRATION_KIND_LABELS[item.kind]}</dd>
        <dt className="text-muted">Patient</dt>
        <dd>{item.patientName ?? "–"}</dd>
        <dt className="text-muted">Ärende</dt>
        <dd>{item.caseId ? <Link href={`/arenden/${item.caseId}`}>{item.caseReference ?? "Öppna ärendet"}</Link> : "Inget ärende ännu"}</dd>
        <dt className="text-muted">Enhet</dt>
        <dd>{item.unitName}</dd>
        <dt className="text-muted">Ursprunglig händelsetid</dt>
        <dd>
          <time dateTime={new Date(item.eventAt).toISOString()} className="font-semibold" data-testid="event-at">
            {formatDateTime(item.eventAt)}
          </time>{" "}
          <span className="text-muted">(registreras med den här tiden, inte tiden nu)</span>
        </dd>
      </dl>
      <PossibleDuplicate item={item} />
      {item.prefill.notes.length ? (
        <ul className="mb-3 list-disc pl-6 text-sm">
          {item.prefill.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <form
        noValidate
        aria-label={`${acknowledge ? "Kvittera" : "Registrera"}: ${item.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ItemEditor item={item} values={values} set={set} error={error} />
        <PrivateNotes item={item} />
        {failure ? (
          <div className="mb-3">
            <ErrorNotice ref={failureRef} error={{ ...failure, fieldErrors: unplaced }} where="form" showFieldErrors={unplaced.length > 0} />
          </div>
        ) : null}
        <button type="submit" className={BUTTON_PRIMARY} disabled={register.isPending || !item.caseId}>
          {register.isPending ? "Registrerar …" : acknowledge ? "Kvittera" : duplicate ? "Registrera ändå" : "Registrera"}
        </button>
        {!item.caseId ? <p className="mt-2 text-sm text-muted">Lägg först upp ärendet för patienten under Ny samordning.</p> : null}
      </form>
      {duplicate && item.caseId ? <VoidItem item={item} onDone={onDone} /> : null}
    </li>
  );
}

function Progress({ data }: { data: AfterRegistrationList }) {
  if (data.progress.length === 0) return null;
  return (
    <section aria-labelledby="ar-progress" className="mb-6">
      <h2 id="ar-progress" className="mb-2 text-xl font-semibold">
        Läget per enhet
      </h2>
      <ProgressTable rows={data.progress} testId="after-registration-progress" />
    </section>
  );
}

/**
 * Efterregistrering: the unit's list from ended outages, computed by the region's rules. Each item
 * is registered with the ORIGINAL time of the event (the payment clock reads it) and records who
 * registered it and when; the list shows progress per unit until it is empty.
 */
export function AfterRegistrationPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.outage.afterRegistration.queryOptions());
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLDivElement>(null);
  const data = list.data;
  const todo = data?.items.filter((i) => i.status === "att_gora") ?? [];
  const done = data?.items.filter((i) => i.status !== "att_gora") ?? [];

  const onDone = (text: string) => {
    setStatus(text);
    void queryClient.invalidateQueries(trpc.outage.afterRegistration.pathFilter());
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <section aria-labelledby="efterregistrering-rubrik">
      <h1 id="efterregistrering-rubrik" className="mb-1 text-2xl font-semibold">
        Efterregistrering
      </h1>
      <p className="mb-4 text-muted">
        Det som hände under driftstörningen och ska registreras i Vårdkedjan. Det som redan har lämnats per telefon behöver inte skrivas in igen.
        Utskrivningsklar registreras inte i efterhand, och planeringsunderlaget bara när regionens rutin säger det.
      </p>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" data-testid="after-registration-status" className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}>
        {status}
      </div>
      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
      {!data && !list.error ? <p role="status">Hämtar listan …</p> : null}
      {data ? (
        <>
          <Progress data={data} />
          <section aria-labelledby="ar-todo" className="mb-8">
            <h2 id="ar-todo" className="mb-2 text-xl font-semibold">
              Att registrera ({todo.length})
            </h2>
            {todo.length === 0 ? (
              <p data-testid="after-registration-empty">Inget att efterregistrera för din enhet.</p>
            ) : (
              <ul className="grid gap-4">
                {todo.map((item) => (
                  <TodoItem key={item.id} item={item} onDone={onDone} />
                ))}
              </ul>
            )}
          </section>
          {done.length ? (
            <section aria-labelledby="ar-done">
              <h2 id="ar-done" className="mb-2 text-xl font-semibold">
                Registrerat och makulerat ({done.length})
              </h2>
              <div className="overflow-x-auto">
                <table className="w-full border border-line bg-white text-left text-sm" data-testid="after-registration-done">
                  <thead>
                    <tr className="border-b border-line bg-brand-50">
                      <th scope="col" className="px-3 py-2">Vad</th>
                      <th scope="col" className="px-3 py-2">Patient</th>
                      <th scope="col" className="px-3 py-2">Händelsetid</th>
                      <th scope="col" className="px-3 py-2">Utfall</th>
                      <th scope="col" className="px-3 py-2">Av</th>
                      <th scope="col" className="px-3 py-2">När</th>
                    </tr>
                  </thead>
                  <tbody>
                    {done.map((i) => (
                      <tr key={i.id} className="border-b border-line last:border-b-0">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {i.caseId ? <Link href={`/arenden/${i.caseId}`}>{i.title}</Link> : i.title}
                        </th>
                        <td className="px-3 py-2">{i.patientName ?? "–"}</td>
                        <td className="px-3 py-2">{formatDateTime(i.eventAt)}</td>
                        <td className="px-3 py-2">{i.status === "makulerad" ? `Makulerad: ${i.voidReason ?? ""}` : "Registrerad"}</td>
                        <td className="px-3 py-2">{i.doneBy ?? "–"}</td>
                        <td className="px-3 py-2">{formatDateTime(i.doneAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
