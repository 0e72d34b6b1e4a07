import { randomUUID } from "node:crypto";
import { schema, sql, type Db, type Tx } from "@vardkedjan/db/client";
import { checkSend } from "@vardkedjan/domain/case/transitions";
import { confirmationRefusal, type SendConfirmation } from "@vardkedjan/domain/case/send-warnings";
import { IncrementalCaseState, type DerivedCaseState } from "@vardkedjan/domain/case/state";
import { sendEffects } from "@vardkedjan/domain/case/send-effects";
import { defaultRecipients } from "@vardkedjan/domain/case/recipients";
import { visibleFromWhenAdded } from "@vardkedjan/domain/case/party-visibility";
import type { CaseEvent, CaseFacts, ConsentRecord, MessageKind, PartyRole } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { auditRow, type AuditInsert } from "../../audit";
import { caseReportFactsRow } from "../../services/reports/case-facts";
import { storeCasePayments } from "../../services/payment/store";
import { caseListColumns } from "../../services/case/list-columns";
import { loadManyCaseFacts } from "../../services/case/facts";
import { FIXED_CARE_CONTACT, planRegionHistory, type PlannedCase, type PlanParty } from "./plan";
import { HISTORY_REGIONS, historyPatient, resolveRegion, type ResolvedRegion } from "./regions";

/**
 * Loads the demo's year of history in bulk: the rows the services write for the same events
 * (createCase, sendMessage, acknowledgeMessage: case, parties, messages with recipients and
 * acknowledgements, consents, the derived stage and dues, the report row, the audit rows), made with
 * the same domain functions (checkSend refuses what the services would refuse), but a few hundred
 * multi-row inserts instead of some 20 000 transactions, so `npm start` stays quick.
 * history.int.test.ts runs cases through the services and proves the rows equal.
 *
 * Differences by design: a party's added_at and the ward's visible_from are the admission time
 * (the services take the wall clock at creation), and audit rows carry the event's time.
 * Idempotent per region: a region whose history exists is left alone.
 */

type Rows = {
  cases: (typeof schema.coordinationCases.$inferInsert)[];
  parties: (typeof schema.caseParties.$inferInsert)[];
  messages: (typeof schema.messages.$inferInsert)[];
  recipients: (typeof schema.messageRecipients.$inferInsert)[];
  consents: (typeof schema.consents.$inferInsert)[];
  facts: (typeof schema.caseReportFacts.$inferInsert)[];
  audit: AuditInsert[];
};

/** The day the plan is anchored to: the same plan all day, whatever the hour of `npm start`. */
export function historyAnchor(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
}

export async function seedHistory(db: Db, now = new Date()): Promise<number> {
  let made = 0;
  for (const region of HISTORY_REGIONS) {
    made += await db.transaction(async (tx) => {
      const [done] = await tx
        .select({ id: schema.coordinationCases.id })
        .from(schema.coordinationCases)
        .where(sql`${schema.coordinationCases.creationKey} like ${`historik:${region.code}:%`}`)
        .limit(1);
      if (done) return 0;
      const resolved = await resolveRegion(tx, region, now);
      const plan = planRegionHistory(resolved.shape, historyAnchor(now));
      await loadPlannedCases(tx, resolved, plan);
      return plan.length;
    });
  }
  return made;
}

/** Writes planned cases of one region (all closed) as the services would have written them. */
export async function loadPlannedCases(tx: Tx, resolved: ResolvedRegion, plan: readonly PlannedCase[]): Promise<void> {
  if (plan.length === 0) return;
  const patientIds = await ensurePatients(tx, resolved, [...new Set(plan.map((c) => c.patient))]);
  const refs = await tx.execute<{ n: string }>(sql`select nextval('case_reference_seq')::text as n from generate_series(1, ${plan.length})`);
  const [org] = await tx
    .execute<{ short_code: string | null; id: string }>(
      sql`select o.short_code, o.id from units u join organisations o on o.id = u.organisation_id where u.id = ${resolved.hospitals[0]!.hospitalUnitId}`,
    )
    .then((r) => r.rows);
  const orgOfUnit = await unitOrganisations(tx, resolved);

  const rows: Rows = { cases: [], parties: [], messages: [], recipients: [], consents: [], facts: [], audit: [] };
  const lastStay = new Map<number, { id: string; dischargedAt: Date | null }>();
  plan.forEach((planned, i) => {
    const previous = lastStay.get(planned.patient) ?? null;
    const out = buildCase(resolved, planned, {
      patientId: patientIds.get(planned.patient)!,
      reference: `${org?.short_code ?? "VK"}-${planned.admittedAt.getUTCFullYear()}-${String(refs.rows[i]!.n).padStart(5, "0")}`,
      regionId: org!.id,
      previous,
      orgOfUnit,
    });
    lastStay.set(planned.patient, { id: out.caseId, dischargedAt: out.dischargedAt });
    for (const k of Object.keys(rows) as (keyof Rows)[]) (rows[k] as unknown[]).push(...(out.rows[k] as unknown[]));
  });

  await insertChunks(tx, "coordination_cases", rows.cases);
  await insertChunks(tx, "case_parties", rows.parties);
  await fillListNames(
    tx,
    rows.cases.map((c) => (c as { id: string }).id),
  );
  await insertChunks(tx, "messages", rows.messages);
  await insertChunks(tx, "message_recipients", rows.recipients);
  await insertChunks(tx, "consents", rows.consents);
  await insertChunks(tx, "case_report_facts", rows.facts);
  await insertChunks(tx, "audit_events", rows.audit);
  // The payment rows the services keep beside every case (refreshCaseDerived), for the invoice
  // basis and the reports: computed from the loaded messages as for any other case.
  const byRegion = new Map<string, string[]>();
  for (const c of rows.cases as { id: string; regionId: string }[]) byRegion.set(c.regionId, [...(byRegion.get(c.regionId) ?? []), c.id]);
  for (const [regionId, ids] of byRegion) await storeCasePayments(tx, regionId, ids, new Date(), loadManyCaseFacts);
}

/**
 * Many rows in one statement per table: the rows travel as one JSON parameter and PostgreSQL
 * unpacks them (json_populate_recordset), some ten times faster than multi-row VALUES here.
 */
async function insertChunks(tx: Tx, table: string, values: readonly object[]): Promise<void> {
  if (values.length === 0) return;
  const keys = Object.keys(values[0]!);
  const snake = keys.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  const columns = sql.join(
    snake.map((k) => sql.identifier(k)),
    sql`, `,
  );
  const name = sql.identifier(table);
  for (let i = 0; i < values.length; i += 5000) {
    const json = JSON.stringify(
      values.slice(i, i + 5000).map((row) => Object.fromEntries(keys.map((k, j) => [snake[j], (row as Record<string, unknown>)[k] ?? null]))),
    );
    await tx.execute(sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${json}::json)`);
  }
}

/**
 * The worklist's kommun and fast vårdkontakt columns, looked up as refreshCaseDerived does
 * (services/case/facts.ts), for cases written in bulk; `ids` is a SQL expression of a uuid[]
 * (a literal here, a bound parameter in the national loader).
 */
export const listNamesUpdate = (ids: string) => `
  update case_parties cp set municipality_code = p.municipality_code, municipality_name = k.name,
    fixed_care_contact_name = (select s.given_name || ' ' || s.family_name from case_parties q join staff s on s.id = q.fixed_care_contact_staff_id
                               where q.case_id = cp.case_id and q.removed_at is null limit 1)
  from coordination_cases c join patients p on p.id = c.patient_id
  left join organisations k on k.kind = 'kommun' and k.municipality_code = p.municipality_code
  where c.id = cp.case_id and cp.case_id = any(${ids})`;

async function fillListNames(tx: Tx, caseIds: string[]): Promise<void> {
  // The ids are the loader's own UUIDs, never user input.
  for (let i = 0; i < caseIds.length; i += 5000) await tx.execute(sql.raw(listNamesUpdate(`'{${caseIds.slice(i, i + 5000).join(",")}}'::uuid[]`)));
}

async function unitOrganisations(tx: Tx, resolved: ResolvedRegion): Promise<Map<string, string>> {
  const res = await tx.execute<{ id: string; organisation_id: string }>(
    sql`select id, organisation_id from units where id in (${sql.join(
      [...resolved.kommuner, ...resolved.vcs].map((p) => sql`${p.unitId}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(res.rows.map((r) => [r.id, r.organisation_id]));
}

/** The history's people in the demo register and as patients, as createCase makes them from the register. */
async function ensurePatients(tx: Tx, resolved: ResolvedRegion, indexes: number[]): Promise<Map<number, string>> {
  const people = indexes.map((i) => ({ index: i, ...historyPatient(resolved, i) }));
  const register = people.map((p) => ({
    identifier: p.identifier,
    identifierKind: "reservnummer" as const,
    givenName: p.givenName,
    familyName: p.familyName,
    municipalityCode: p.municipalityCode,
  }));
  for (let i = 0; i < register.length; i += 1000)
    await tx
      .insert(schema.populationRegister)
      .values(register.slice(i, i + 1000))
      .onConflictDoNothing();
  const patientRows = register.map((r) => ({ ...r, protectedIdentity: false, streetAddress: null, postalCode: null, city: null }));
  for (let i = 0; i < patientRows.length; i += 1000)
    await tx
      .insert(schema.patients)
      .values(patientRows.slice(i, i + 1000))
      .onConflictDoNothing();
  const ids = await tx.execute<{ id: string; identifier: string }>(
    sql`select id, identifier from patients where identifier in (${sql.join(
      people.map((p) => sql`${p.identifier}`),
      sql`, `,
    )})`,
  );
  const byIdentifier = new Map(ids.rows.map((r) => [r.identifier, r.id]));
  return new Map(people.map((p) => [p.index, byIdentifier.get(p.identifier)!]));
}

interface CaseContext {
  patientId: string;
  reference: string;
  regionId: string;
  previous: { id: string; dischargedAt: Date | null } | null;
  orgOfUnit: ReadonlyMap<string, string>;
}

/**
 * A new case's party rows (the ward, the kommun and, when needed, the vårdcentral, each visible from
 * admission as case creation makes them) and the facts the domain replays its events on. Shared by
 * the demo history and the national loader, which both write the rows the services would.
 */
export function openingParties(
  units: readonly { unitId: string; role: PartyRole }[],
  admittedAt: Date,
  careType: CaseFacts["careType"],
  ids: { newId: () => string; orgOfUnit: ReadonlyMap<string, string> },
) {
  const parties = units.map((p) => ({
    id: ids.newId(),
    unitId: p.unitId,
    role: p.role,
    removedAt: null as Date | null,
    fixedCareContactStaffId: null as string | null,
    visibleFrom: visibleFromWhenAdded(p.role, admittedAt),
    organisationId: ids.orgOfUnit.get(p.unitId)!,
  }));
  const facts: CaseFacts = {
    admittedAt,
    needAssessedAt: null,
    careType,
    lpt: false,
    lrv: false,
    parties: parties.map((p) => ({ unitId: p.unitId, role: p.role, removedAt: null, organisationId: p.organisationId })),
    events: [],
    consents: [] as ConsentRecord[],
    closedAt: null,
  };
  return { parties, facts };
}

/** One case's rows, replaying its events through the domain as sendMessage and acknowledgeMessage do. */
export function buildCase(resolved: ResolvedRegion, planned: PlannedCase, ctx: CaseContext): { caseId: string; dischargedAt: Date | null; rows: Rows } {
  const hospital = resolved.hospitals[planned.hospital]!;
  const ward = hospital.wards[planned.ward]!;
  const kommun = resolved.kommuner[planned.kommun]!;
  const vc = planned.vc === null ? null : resolved.vcs[planned.vc]!;
  const who: Record<PlanParty, { actor: Actor; unitId: string; role: PartyRole } | null> = {
    ward: { actor: hospital.actor, unitId: ward.unitId, role: "avdelning" },
    kommun: { actor: kommun.actor, unitId: kommun.unitId, role: "kommun" },
    vc: vc ? { actor: vc.actor, unitId: vc.unitId, role: "vardcentral" } : null,
  };
  const caseId = randomUUID();
  const rows: Rows = { cases: [], parties: [], messages: [], recipients: [], consents: [], facts: [], audit: [] };
  const audit = (actor: Actor, at: Date, input: Parameters<typeof auditRow>[1]) =>
    rows.audit.push({ ...auditRow(actor, { patientId: ctx.patientId, caseId, ...input }), at });

  const { parties: partyList, facts } = openingParties([who.ward!, who.kommun!, ...(who.vc ? [who.vc] : [])], planned.admittedAt, ward.careType, {
    newId: randomUUID,
    orgOfUnit: ctx.orgOfUnit,
  });
  audit(hospital.actor, planned.admittedAt, {
    action: "case.create",
    activity: "Skriva",
    entityType: "case",
    entityId: caseId,
    details: { readmission: !!ctx.previous },
  });

  // The state after each send, folded on from the last one instead of from the admission.
  const derived = new IncrementalCaseState(facts);
  const acks = new Map<string, { at: Date; staffId: string }>(); // messageId:unitId
  const sentAt = new Map<string, number>();
  let n = 0;
  let last = planned.admittedAt;
  for (const step of planned.steps) {
    last = step.at;
    const party = who[step.by];
    if (!party) throw new Error(`${planned.key}: ${step.by} tar inte del i ärendet`);
    if (step.type === "ack") {
      for (const m of rows.recipients) {
        if (m.unitId !== party.unitId || acks.has(`${m.messageId}:${m.unitId}`) || sentAt.get(m.messageId)! > step.at.getTime()) continue;
        acks.set(`${m.messageId}:${m.unitId}`, { at: step.at, staffId: party.actor.staffId });
        audit(party.actor, step.at, { action: "case.acknowledge", activity: "Kvittera", entityType: "message", entityId: m.messageId });
      }
      continue;
    }
    const sent = replayPlannedSend(facts, derived.current(), { ...party, staffId: party.actor.staffId }, step, {
      caseId,
      vcStaffId: who.vc?.actor.staffId ?? null,
      newId: randomUUID,
      idempotencyKey: () => `${planned.key}:${++n}`,
    });
    if (!sent.ok) throw new Error(`${planned.key}: ${sent.message}`);
    const { event, recipientUnitIds } = sent;
    const messageId = event.id;
    rows.messages.push(sent.message);
    for (const unitId of recipientUnitIds) rows.recipients.push({ messageId, unitId });
    const effects = sendEffects(event, partyList, step.at);
    for (const v of effects.partiesNowVisible) partyList.find((p) => p.unitId === v.unitId)!.visibleFrom = v.visibleFrom;
    for (const c of effects.consents) {
      rows.consents.push({
        caseId,
        kind: c.kind,
        given: c.given,
        source: c.source,
        documentedByStaffId: party.actor.staffId,
        documentedByUnitId: c.documentedByUnitId,
        documentedAt: c.documentedAt,
        note: null,
      });
      facts.consents.push(c);
    }
    if (effects.fixedCareContact)
      partyList.find((p) => p.unitId === effects.fixedCareContact!.unitId)!.fixedCareContactStaffId = effects.fixedCareContact.staffId;
    facts.events.push(event);
    sentAt.set(messageId, step.at.getTime());
    audit(party.actor, step.at, {
      action: step.kind === "avslut" ? "case.close" : "case.send_message",
      activity: "Skicka",
      entityType: "message",
      entityId: messageId,
      details: {
        kind: step.kind,
        recipients: recipientUnitIds.length,
        ...(sent.message.sentDespite ? { sentDespiteWarnings: sent.message.sentDespite.warnings.length } : {}),
      },
    });
  }

  const state = derived.current();
  const open = state.stage !== "avslutad";
  if (open) throw new Error(`${planned.key}: historikärenden ska vara avslutade`);
  const row = {
    id: caseId,
    reference: ctx.reference,
    patientId: ctx.patientId,
    regionId: ctx.regionId,
    hospitalUnitId: hospital.hospitalUnitId,
    wardUnitId: ward.unitId,
    careType: ward.careType,
    lpt: false,
    lrv: false,
    admittedAt: planned.admittedAt,
    needAssessedAt: null,
    stage: state.stage,
    estimatedDischargeDate: state.estimatedDischargeDate,
    readyForDischargeAt: state.readyForDischargeAt,
    dischargedAt: state.dischargedAt,
    closedAt: state.closedAt,
    closeReason: state.closeReason,
    previousCaseId: ctx.previous?.id ?? null,
    provisional: false,
    version: 1 + rows.messages.length,
    createdByStaffId: hospital.actor.staffId,
    creationKey: planned.key,
    createdAt: planned.admittedAt,
    updatedAt: last,
  };
  rows.cases.push(row);
  for (const p of partyList) {
    rows.parties.push({
      id: p.id,
      caseId,
      unitId: p.unitId,
      role: p.role,
      fixedCareContactStaffId: p.fixedCareContactStaffId,
      addedAt: planned.admittedAt,
      addedByStaffId: hospital.actor.staffId,
      removedAt: null,
      // Closed: nothing is due for anyone (refreshCaseDerived).
      nextDueAt: null,
      nextDueStep: null,
      caseOpen: false,
      visibleFrom: p.visibleFrom,
      dueSteps: [],
      legalDueAt: null,
      unacknowledged: 0,
      // The patient's kommun and the contact's name are filled in by SQL after the insert (fillListNames).
      ...caseListColumns(planned.admittedAt, state, { municipalityCode: null, municipalityName: null, fixedCareContactName: null }),
    });
  }
  rows.recipients = rows.recipients.map((r) => {
    const ack = acks.get(`${r.messageId}:${r.unitId}`);
    return ack ? { ...r, acknowledgedAt: ack.at, acknowledgedByStaffId: ack.staffId } : r;
  });
  rows.facts.push(
    caseReportFactsRow(
      { row: row as never, facts: { ...facts, closedAt: state.closedAt }, parties: partyList },
      ctx.orgOfUnit,
      ctx.previous?.dischargedAt ?? null,
      last,
    ),
  );
  return { caseId, dischargedAt: state.dischargedAt, rows };
}

/**
 * A planned send as the send service makes it: the recipients the case view proposes, the payload
 * and the law's order checked by checkSend, the sender's confirmation where the order asks for one;
 * then the message row and the case event. Both loaders (the demo's year of history and the
 * national data) replay their plans through it; each decides what a refused step means.
 */
export function replayPlannedSend(
  facts: CaseFacts,
  state: DerivedCaseState,
  sender: { unitId: string; role: PartyRole; staffId: string },
  step: { kind: MessageKind; payload: Record<string, unknown>; at: Date; confirmation?: SendConfirmation },
  ids: { caseId: string; vcStaffId: string | null; newId: () => string; idempotencyKey: () => string },
): { ok: false; message: string } | { ok: true; event: CaseEvent; message: typeof schema.messages.$inferInsert & { id: string }; recipientUnitIds: string[] } {
  const recipientUnitIds = defaultRecipients(step.kind, sender.unitId, sender.role, facts.parties);
  const check = checkSend(
    facts,
    {
      kind: step.kind,
      senderUnitId: sender.unitId,
      senderRole: sender.role,
      recipientUnitIds,
      payload: resolvePayload(step.payload, ids.vcStaffId),
      at: step.at,
      mode: "normal",
    },
    state,
  );
  if (!check.ok) return { ok: false, message: `${step.kind} nekas: ${check.message}` };
  const unconfirmed = confirmationRefusal(step.kind, check.toConfirm, step.confirmation);
  if (unconfirmed) return { ok: false, message: unconfirmed.message };
  const payload = check.payload as Record<string, unknown>;
  const id = ids.newId();
  const event: CaseEvent = {
    id,
    kind: step.kind,
    occurredAt: step.at,
    senderUnitId: sender.unitId,
    senderRole: sender.role,
    recipientUnitIds,
    payload,
    correctsMessageId: null,
  };
  const message = {
    id,
    caseId: ids.caseId,
    kind: step.kind,
    title: null,
    senderUnitId: sender.unitId,
    senderStaffId: sender.staffId,
    occurredAt: step.at,
    registeredAt: step.at,
    payload,
    freeText: null,
    correctsMessageId: null,
    idempotencyKey: ids.idempotencyKey(),
    outageId: null,
    sentDespite: check.toConfirm.length > 0 ? { warnings: check.toConfirm, reason: step.confirmation!.reason } : null,
  };
  return { ok: true, event, message, recipientUnitIds };
}

/** The planned payload with the vårdcentral's person in place of the stand-in. */
export function resolvePayload(payload: Record<string, unknown>, vcStaffId: string | null): Record<string, unknown> {
  if (payload.fixedCareContactStaffId !== FIXED_CARE_CONTACT) return payload;
  return { ...payload, fixedCareContactStaffId: vcStaffId };
}
