import { executePrepared, rowOfJson, schema, sql, type Db, type Tx } from "@vardkedjan/db/client";
import { deriveCaseState } from "@vardkedjan/domain/case/state";
import { checkOpen } from "@vardkedjan/domain/case/transitions";
import {
  caseVisibility,
  consentOverview,
  seesPaymentResponsibility,
  viewMessage,
  type CaseVisibility,
  type ConsentStatus,
} from "@vardkedjan/domain/case/visibility";
import { preflightWarnings, type SendWarning } from "@vardkedjan/domain/case/send-warnings";
import { dueSteps, type DueStep } from "@vardkedjan/domain/case/due";
import { defaultRecipients } from "@vardkedjan/domain/case/recipients";
import { MESSAGE_KINDS, type CareType, type CaseStage, type MessageKind, type PartyRole } from "@vardkedjan/domain/case/types";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { checkCaseAccess, withCaseAccess } from "./scope";
import { caseHistoriesOfJson, caseHistoriesSql, loadedCase, type CaseHistoriesJson } from "./facts";
import { casePaymentSummary, type CasePaymentSummary } from "../payment/summary";
import { mayAddParties } from "@vardkedjan/domain/case/party-add";
import { can } from "@vardkedjan/domain/access/actions";
import { patientRegisterStatus, type PatientRegisterStatus } from "../patient/register-status";

export interface CaseMessageView {
  id: string;
  kind: MessageKind;
  title: string | null;
  senderUnitId: string;
  senderUnitName: string;
  senderName: string;
  occurredAt: Date;
  registeredAt: Date;
  /** Registered after an outage (efterregistrering): occurredAt is the original time, registeredAt when it was typed in. */
  afterRegistered: boolean;
  payload: Record<string, unknown>;
  freeText: string | null;
  /** Part of the content is hidden from this viewer (consent missing, or hemtjänst). */
  redacted: boolean;
  correctsMessageId: string | null;
  recipients: { unitId: string; unitName: string; acknowledgedAt: Date | null; acknowledgedBy: string | null }[];
  /** This viewer's unit is a recipient that has not acknowledged yet. */
  awaitingMyAcknowledgement: boolean;
  /** Sent despite warnings that the law's order was broken, with the sender's reason (shown with the free text, under the same visibility). */
  sentDespite: { warnings: string[]; reason: string } | null;
}

export interface CaseView {
  id: string;
  reference: string;
  stage: CaseStage;
  version: number;
  careType: CareType;
  lpt: boolean;
  lrv: boolean;
  admittedAt: Date;
  needAssessedAt: Date | null;
  estimatedDischargeDate: string | null;
  readyForDischargeAt: Date | null;
  plannedDischargeAt: Date | null;
  dischargedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  previousCaseId: string | null;
  planningVersion: number;
  sipNeeded: boolean;
  patient: { name: string; identifier: string; protectedIdentity: boolean; address: string | null; register: PatientRegisterStatus };
  ward: { unitId: string; name: string; hospitalName: string; phone: string | null };
  parties: {
    unitId: string;
    unitName: string;
    organisationName: string;
    role: PartyRole;
    phone: string | null;
    answeredAt: Date | null;
    rejectedAt: Date | null;
    kommunklarAt: Date | null;
    fixedCareContact: { staffId: string; name: string } | null;
  }[];
  viewer: {
    role: PartyRole;
    unitIds: string[];
    visibility: CaseVisibility;
    canSend: MessageKind[];
    defaultRecipients: Partial<Record<MessageKind, string[]>>;
    /** What each step the viewer may take would warn of now, before the form is filled in (the form shows it before sending). */
    preflight: Partial<Record<MessageKind, SendWarning[]>>;
    /** "Lägg till part": the ward, and the kommun for its own home care (domain/case/party-add.ts). */
    mayAddParties: boolean;
  };
  /** The consents that concern this viewer, as they stand now (the case header shows them). */
  consent: ConsentStatus[];
  due: DueStep[];
  /** The kommun's payment responsibility, for the viewers it concerns (seesPaymentResponsibility); null otherwise or before a ready notice. */
  payment: CasePaymentSummary | null;
  messages: CaseMessageView[];
  /** Staff with a context at the viewer's outpatient unit, for naming the fast vårdkontakt. */
}

/** Opens a case for the viewer: what they may see of it, what is due, what they may send. Audited. */
export async function getCase(db: Db, actor: Actor, caseId: string, now = new Date()): Promise<CaseView> {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const { loaded, patient, units, messageRows, recipientRows, contacts } = await loadCasePage(tx, caseId);
    const { row, facts } = loaded;
    const state = deriveCaseState(facts);
    const viewer = { partyRole: access.viewerRole, role: actor.context.role };
    const visibility = caseVisibility(viewer, facts.consents);
    const myUnit = access.viewerUnitIds[0]!;
    const payment = state.readyHistory.length > 0 ? await casePaymentSummary(tx, loaded, now, patient) : null;
    const unit = new Map(units.map((u) => [u.id, u]));
    const extra = new Map(messageRows.map((m) => [m.id, m]));

    const messages: CaseMessageView[] = [];
    for (const e of facts.events) {
      const v = viewMessage(viewer, e, facts.consents, myUnit);
      if (!v.visible) continue;
      const m = extra.get(e.id);
      const recipients = recipientRows
        .filter((r) => r.messageId === e.id)
        .map((r) => ({
          unitId: r.unitId,
          unitName: unit.get(r.unitId)?.name ?? "",
          acknowledgedAt: r.acknowledgedAt,
          acknowledgedBy: r.givenName ? `${r.givenName} ${r.familyName}` : null,
        }));
      messages.push({
        id: e.id,
        kind: e.kind,
        title: m?.title ?? null,
        senderUnitId: e.senderUnitId,
        senderUnitName: unit.get(e.senderUnitId)?.name ?? "",
        senderName: m ? `${m.givenName} ${m.familyName}` : "",
        occurredAt: e.occurredAt,
        registeredAt: m?.registeredAt ?? e.occurredAt,
        afterRegistered: !!m?.outageId,
        payload: v.payload,
        freeText: v.freeTextVisible ? (m?.freeText ?? null) : null,
        redacted: v.level === "basic" || Object.keys(v.payload).length < Object.keys(e.payload).length || (!v.freeTextVisible && !!m?.freeText),
        correctsMessageId: e.correctsMessageId ?? null,
        recipients,
        awaitingMyAcknowledgement: recipients.some((r) => access.viewerUnitIds.includes(r.unitId) && !r.acknowledgedAt),
        sentDespite: v.freeTextVisible ? (m?.sentDespite ?? null) : null,
      });
    }

    const contactName = new Map(contacts.map((c) => [c.id, `${c.givenName} ${c.familyName}`]));

    const canSend: MessageKind[] = [];
    const recipientsByKind: Partial<Record<MessageKind, string[]>> = {};
    const preflight: Partial<Record<MessageKind, SendWarning[]>> = {};
    for (const kind of MESSAGE_KINDS) {
      const recipients = defaultRecipients(kind, myUnit, access.viewerRole, facts.parties);
      // The same checks as sending, without the form: is this step open to the viewer now?
      const check = checkOpen(facts, { kind, senderUnitId: myUnit, senderRole: access.viewerRole, recipientUnitIds: recipients, at: now }, state);
      if (check.ok) {
        canSend.push(kind);
        recipientsByKind[kind] = recipients;
        const to = state.parties.filter((p) => recipients.includes(p.unitId));
        const warnings = preflightWarnings(kind, { facts, state, recipients: to, payload: {}, at: now, mode: "normal" });
        if (warnings.length > 0) preflight[kind] = warnings;
      }
    }

    // A readmission's earlier case may be another unit's or provider's: its id only if the viewer may open it.
    const previousCaseId = row.previousCaseId && (await checkCaseAccess(tx, actor, row.previousCaseId, access.scopeUnitIds)) ? row.previousCaseId : null;
    const hidesAddress = patient.protectedIdentity;
    const ward = unit.get(row.wardUnitId);
    await writeAudit(tx, actor, {
      action: "case.read",
      activity: "Läsa",
      patientId: row.patientId,
      caseId,
      entityType: "case",
      entityId: caseId,
      details: { visibility: visibility.level },
    });

    return {
      id: row.id,
      reference: row.reference,
      stage: state.stage,
      version: row.version,
      careType: row.careType,
      lpt: row.lpt,
      lrv: row.lrv,
      admittedAt: row.admittedAt,
      needAssessedAt: row.needAssessedAt,
      estimatedDischargeDate: state.estimatedDischargeDate,
      readyForDischargeAt: state.readyForDischargeAt,
      plannedDischargeAt: state.plannedDischargeAt,
      dischargedAt: state.dischargedAt,
      closedAt: state.closedAt,
      closeReason: state.closeReason,
      previousCaseId,
      planningVersion: state.planningVersion,
      sipNeeded: state.sipNeeded,
      patient: {
        name: `${patient.givenName} ${patient.familyName}`,
        identifier: formatPatientIdentifier({ kind: patient.identifierKind, value: patient.identifier }),
        protectedIdentity: patient.protectedIdentity,
        address: hidesAddress ? null : [patient.streetAddress, [patient.postalCode, patient.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
        register: patientRegisterStatus({
          ...patient,
          registerUncheckedSince: dateOrNull(patient.registerUncheckedSince),
          registerReconciledAt: dateOrNull(patient.registerReconciledAt),
        }),
      },
      ward: {
        unitId: row.wardUnitId,
        name: ward?.name ?? "",
        hospitalName: unit.get(row.hospitalUnitId)?.name ?? "",
        phone: ward?.phone ?? ward?.switchboard ?? null,
      },
      parties: loaded.parties
        .filter((p) => !p.removedAt)
        .map((p) => {
          const ps = state.parties.find((s) => s.unitId === p.unitId);
          const u = unit.get(p.unitId);
          return {
            unitId: p.unitId,
            unitName: u?.name ?? "",
            organisationName: u?.organisation ?? "",
            role: p.role,
            phone: u?.phone ?? u?.switchboard ?? null,
            answeredAt: ps?.answeredAt ?? null,
            rejectedAt: ps?.rejectedAt ?? null,
            kommunklarAt: ps?.kommunklarAt ?? null,
            fixedCareContact: p.fixedCareContactStaffId ? { staffId: p.fixedCareContactStaffId, name: contactName.get(p.fixedCareContactStaffId) ?? "" } : null,
          };
        }),
      viewer: {
        role: access.viewerRole,
        unitIds: access.viewerUnitIds,
        visibility,
        canSend,
        defaultRecipients: recipientsByKind,
        preflight,
        mayAddParties: mayAddParties(access.viewerRole) && can(actor.context.role, "case.addParty"),
      },
      consent: consentOverview(viewer, facts.consents),
      due:
        state.stage === "avslutad"
          ? []
          : dueSteps(facts, access.viewerRole, now, {
              unitId: myUnit,
              unacknowledgedMessageIds: messages.filter((m) => m.awaitingMyAcknowledgement).map((m) => m.id),
              paymentLiabilityFrom: payment ? payment.liabilityFrom : null,
            }),
      payment: seesPaymentResponsibility(viewer) ? payment : null,
      messages,
    };
  });
}

const dateOrNull = (v: string | null): Date | null => (v === null ? null : new Date(v));

interface CasePageRowsJson {
  patient: {
    givenName: string;
    familyName: string;
    identifierKind: Parameters<typeof formatPatientIdentifier>[0]["kind"];
    identifier: string;
    protectedIdentity: boolean;
    streetAddress: string | null;
    postalCode: string | null;
    city: string | null;
    registerUncheckedSince: string | null;
    registerReconciledAt: string | null;
    registerDifferences: unknown;
    municipalityCode: string | null;
  };
  units: { id: string; name: string; phone: string | null; switchboard: string | null; organisation: string }[];
  messages: {
    id: string;
    title: string | null;
    freeText: string | null;
    registeredAt: string;
    outageId: string | null;
    sentDespite: { warnings: string[]; reason: string } | null;
    givenName: string;
    familyName: string;
  }[];
  recipients: { messageId: string; unitId: string; acknowledgedAt: string | null; givenName: string | null; familyName: string | null }[];
  contacts: { id: string; givenName: string; familyName: string }[];
}

/**
 * The case page's rows in one prepared statement (planned once per connection): the case's row
 * and history as the domain rules read them (facts.ts), and what the page shows beside them: the
 * patient, the units named on the page (the parties, the ward and hospital, every sender) with
 * their organisation, each message's sender and texts, the recipients with who acknowledged, and
 * the fast vårdkontakter by name. A round trip each, built and planned per request, cost more than
 * the rows.
 */
async function loadCasePage(tx: Tx, caseId: string) {
  const res = await executePrepared<CaseHistoriesJson & { case_row: Record<string, unknown>; rows: CasePageRowsJson }>(
    tx,
    sql`select to_json(c) as case_row, ${caseHistoriesSql(sql`array[c.id]`)}, json_build_object(
      'patient', (select json_build_object('givenName', p.given_name, 'familyName', p.family_name, 'identifierKind', p.identifier_kind,
          'identifier', p.identifier, 'protectedIdentity', p.protected_identity, 'streetAddress', p.street_address, 'postalCode', p.postal_code,
          'city', p.city, 'registerUncheckedSince', p.register_unchecked_since, 'registerReconciledAt', p.register_reconciled_at,
          'registerDifferences', p.register_differences, 'municipalityCode', p.municipality_code)
        from patients p where p.id = c.patient_id),
      'units', (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'phone', u.phone, 'switchboard', u.switchboard, 'organisation', o.name)), '[]'::json)
        from units u join organisations o on o.id = u.organisation_id
        where u.id in (select cp.unit_id from case_parties cp where cp.case_id = c.id
          union all select c.ward_unit_id union all select c.hospital_unit_id
          union all select m.sender_unit_id from messages m where m.case_id = c.id)),
      'messages', (select coalesce(json_agg(json_build_object('id', m.id, 'title', m.title, 'freeText', m.free_text, 'registeredAt', m.registered_at,
          'outageId', m.outage_id, 'sentDespite', m.sent_despite, 'givenName', s.given_name, 'familyName', s.family_name)), '[]'::json)
        from messages m join staff s on s.id = m.sender_staff_id where m.case_id = c.id),
      'recipients', (select coalesce(json_agg(json_build_object('messageId', r.message_id, 'unitId', r.unit_id, 'acknowledgedAt', r.acknowledged_at,
          'givenName', s.given_name, 'familyName', s.family_name) order by r.unit_id), '[]'::json)
        from message_recipients r join messages m on m.id = r.message_id left join staff s on s.id = r.acknowledged_by_staff_id
        where m.case_id = c.id),
      'contacts', (select coalesce(json_agg(json_build_object('id', s.id, 'givenName', s.given_name, 'familyName', s.family_name)), '[]'::json)
        from staff s where s.id in (select cp.fixed_care_contact_staff_id from case_parties cp where cp.case_id = c.id))
    ) as rows
    from coordination_cases c where c.id = ${caseId}::uuid`,
  );
  const found = res.rows[0];
  // withCaseAccess has found the case in this transaction; a row gone now is a server error.
  if (!found) throw new Error(`case ${caseId} missing`);
  const row = rowOfJson(schema.coordinationCases, found.case_row);
  const rows = found.rows;
  return {
    loaded: loadedCase(row, caseHistoriesOfJson(found).get(row.id)),
    patient: rows.patient,
    units: rows.units,
    messageRows: rows.messages.map((m) => ({ ...m, registeredAt: new Date(m.registeredAt) })),
    recipientRows: rows.recipients.map((r) => ({ ...r, acknowledgedAt: dateOrNull(r.acknowledgedAt) })),
    contacts: rows.contacts,
  };
}
