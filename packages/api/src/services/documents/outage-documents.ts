import {
  renderAccompanyingForm,
  renderBackupKit,
  renderCaseRecord,
  renderContactList,
  renderDischargePlan,
  renderOutageForm,
  renderSipDocument,
  type ContactListContent,
} from "@vardkedjan/documents";
import { schema, eq, inArray, type Db } from "@vardkedjan/db/client";
import { isReceivingParty } from "@vardkedjan/domain/case/party-role";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { getContactList, type ContactList } from "../contacts/contacts";
import { regionOfActor } from "../outage/region";
import { routineProfileFor } from "../outage/profile";
import { getCase } from "../case/get-case";
import { withCaseAccess } from "../case/scope";
import { listPhoneContacts } from "../outage/phone-log";
import { caseRecordContent } from "./case-record";
import { patientSummaryContent } from "./patient-summary";

/** Documents without patient data, for every logged-in user of the region. */
export const DOCUMENT_NAMES = ["kontaktlista.pdf", "reservparm.pdf", "blankett-driftstorning.pdf", "medfoljande-blankett.pdf"] as const;
/** Documents of one case (patient data); arende.pdf is the whole case as the reader may see it, for the unit's own records. */
export const CASE_DOCUMENT_NAMES = ["utskrivningsplan.pdf", "sip.pdf", "blankett-driftstorning.pdf", "arende.pdf"] as const;

/** Printed where a call's content is withheld from the reader (consent, or hemtjänst's rule). */
export const REDACTED_CALL_NOTE = "Samtalets innehåll visas inte för din enhet.";

/** The contact list grouped as the printed list shows it: organisation, then unit. */
export function contactListContent(list: ContactList): ContactListContent {
  const orgs = new Map<string, ContactListContent["organisations"][number]>();
  for (const e of list.entries) {
    const org = orgs.get(e.organisationId) ?? { name: e.organisationName, units: [] };
    orgs.set(e.organisationId, org);
    const unitName = e.unitName ?? e.organisationName;
    let unit = org.units.find((u) => u.name === unitName);
    if (!unit) {
      unit = { name: unitName, entries: [] };
      org.units.push(unit);
    }
    unit.entries.push({
      function: e.function,
      phones: e.phones,
      hours: e.openingHours ?? undefined,
      mailbox: e.functionMailbox ?? undefined,
      postalAddress: e.postalAddress ?? undefined,
      note: e.note ?? undefined,
    });
  }
  return { region: list.regionName, version: list.version, validFrom: list.validFrom ?? new Date(), organisations: [...orgs.values()] };
}

export async function renderPortalDocument(db: Db, actor: Actor, name: (typeof DOCUMENT_NAMES)[number]): Promise<Buffer> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) throw new AppError("NOT_FOUND", { userMessage: "Ingen region hör till ditt sammanhang." });
  const printedBy = actor.name;
  const [scopeUnit] = actor.context.scopeHsaId
    ? await db
        .select({ unit: schema.units.name, organisation: schema.organisations.name })
        .from(schema.units)
        .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
        .where(eq(schema.units.hsaId, actor.context.scopeHsaId))
    : [];
  const [org] = scopeUnit
    ? []
    : await db
        .select({ name: schema.organisations.name })
        .from(schema.organisations)
        .where(eq(schema.organisations.hsaId, actor.context.scopeHsaId ?? ""));
  const unitName = scopeUnit?.unit ?? org?.name ?? "";
  const organisation = scopeUnit?.organisation ?? org?.name;
  switch (name) {
    case "kontaktlista.pdf":
      return renderContactList({ ...contactListContent(await getContactList(db, regionId)), printedBy });
    case "blankett-driftstorning.pdf":
      return renderOutageForm({ organisation, unit: unitName, blankEntries: 6, printedBy });
    case "medfoljande-blankett.pdf":
      return renderAccompanyingForm({ organisation, unit: unitName, printedBy });
    case "reservparm.pdf": {
      const list = await getContactList(db, regionId);
      const profile = await routineProfileFor(db, regionId);
      return renderBackupKit({
        unit: { name: unitName, organisation },
        region: list.regionName,
        version: String(list.version),
        routine: { title: profile.name, sections: profile.sections as never },
        contactList: contactListContent(list),
        outageForm: { blankEntries: 6 },
        printedBy,
      });
    }
  }
}

export async function renderCaseDocument(
  db: Db,
  actor: Actor,
  caseId: string,
  name: (typeof CASE_DOCUMENT_NAMES)[number],
): Promise<{ pdf: Buffer; reference: string }> {
  const view = await getCase(db, actor, caseId);
  const printedBy = actor.name;
  const patient = { name: view.patient.name, personnummer: view.patient.identifier };
  let pdf: Buffer;
  if (name === "arende.pdf") {
    pdf = await renderCaseRecord({ ...caseRecordContent(view), printedBy });
  } else if (name === "utskrivningsplan.pdf") {
    const summary = patientSummaryContent(view);
    pdf = await renderDischargePlan({
      patient: { ...patient, address: view.patient.address ?? undefined },
      ward: summary.ward,
      admittedAt: view.admittedAt,
      readyForDischargeAt: view.readyForDischargeAt ?? undefined,
      dischargeAt: summary.dischargedAt,
      plan: summary.careSummary,
      medication: summary.medication,
      aidsReturned: [],
      receivingUnits: view.parties
        .filter((p) => isReceivingParty(p.role))
        .map((p) => ({ name: p.unitName, organisation: p.organisationName, phone: p.phone ?? undefined })),
      fixedCareContact: summary.fixedCareContact,
      sip: summary.sip,
      printedBy,
    } as never);
  } else if (name === "sip.pdf") {
    const plan = [...view.messages].reverse().find((m) => m.kind === "sip_plan");
    const call = [...view.messages].reverse().find((m) => m.kind === "kallelse_sip");
    if (!plan && !call) throw new AppError("NOT_FOUND", { userMessage: "Ärendet har ingen SIP ännu." });
    const p = (plan?.payload ?? {}) as {
      interventions?: { what: string; responsible: string; by?: string }[];
      overallResponsible?: string;
      otherActorsMeasures?: string;
      goals?: string;
      followUpAt?: string;
      offeredToPatient?: boolean;
    };
    pdf = await renderSipDocument({
      patient,
      meeting: call ? { at: String(call.payload.meetingAt), place: call.payload.place as string | undefined, video: Boolean(call.payload.video) } : undefined,
      interventions: (p.interventions ?? []).map((i) => ({ intervention: i.what, responsibleHuvudman: i.responsible, performedBy: i.by ?? "" })),
      overallResponsible: p.overallResponsible ?? "",
      otherMeasures: p.otherActorsMeasures ? [{ actor: "Övriga", measure: p.otherActorsMeasures }] : [],
      goals: p.goals ? [p.goals] : [],
      followUpAt: p.followUpAt ?? (call?.payload.followUpAt as string | undefined),
      // The called parties by name, then the others taking part (a call before parties could be picked has only the latter).
      participants: [
        ...((call?.payload.invitedUnitIds as string[] | undefined) ?? []).map((u) => ({
          name: view.parties.find((x) => x.unitId === u)?.unitName ?? "Tidigare part",
        })),
        ...((call?.payload.participants as string[] | undefined) ?? []).map((n) => ({ name: n })),
      ],
      consent: (call?.payload.consentStatus as "given" | "refused" | "unknown" | undefined) ?? "unknown",
      offeredToPatient: p.offeredToPatient ?? false,
      printedBy,
    } as never);
  } else {
    // The same visibility as the case view: listPhoneContacts gives the calls as the reader may see them.
    const calls = await listPhoneContacts(db, actor, caseId);
    const unitIds = [...new Set(calls.map((c) => c.counterpartUnitId).filter((x): x is string => !!x))];
    const unitNames = new Map(
      (unitIds.length ? await db.select({ id: schema.units.id, name: schema.units.name }).from(schema.units).where(inArray(schema.units.id, unitIds)) : []).map(
        (u) => [u.id, u.name],
      ),
    );
    const stepMap: Record<string, string> = {
      inskrivning: "admission",
      beraknat_utskrivningsdatum: "expectedDischargeDate",
      planeringsunderlag: "planningBasis",
      utskrivningsklar: "readyForDischarge",
      faktiskt_utskrivningsdatum: "actualDischargeDate",
      utskrivningsmeddelande: "dischargeNotice",
      samtycke: "consentHandedOver",
      sip_datum: "sipDate",
    };
    pdf = await renderOutageForm({
      unit: view.ward.name,
      organisation: view.ward.hospitalName,
      patient,
      entries: calls.map((c) => ({
        at: c.occurredAt,
        counterpartName: c.counterpartName,
        counterpartUnit: c.counterpartUnitText ?? (c.counterpartUnitId ? (unitNames.get(c.counterpartUnitId) ?? "") : ""),
        steps: c.steps.map((s) => stepMap[s]).filter(Boolean),
        direction: c.direction === "lamnat" ? "given" : "received",
        // The calls come as the reader may see them; a withheld content is said, not left blank.
        comment: c.comment ?? (c.redacted ? REDACTED_CALL_NOTE : undefined),
        signedBy: c.signedBy,
      })) as never,
      blankEntries: 3,
      printedBy,
    });
  }
  await withCaseAccess(db, actor, caseId, (tx, access) =>
    writeAudit(tx, actor, { action: "case.print", activity: "Utskrift", patientId: access.patientId, caseId, entityType: "document", entityId: name }),
  );
  return { pdf, reference: view.reference };
}
