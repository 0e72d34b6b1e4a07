import { schema, inArray, type Db } from "@vardkedjan/db/client";
import { callGuidance, partyLabel, type GuidanceParty, type GuidanceStepCode, type StepGuidance } from "@vardkedjan/domain/outage/guidance";
import { outageChecklist, dischargeBlockers, type ChecklistItem } from "@vardkedjan/domain/outage/checklist";
import { routineStatus, routineVariantFor } from "@vardkedjan/domain/outage/routine-profile";
import type { ContactEntry, OutageSystem } from "@vardkedjan/domain/outage/types";
import type { DueStep } from "@vardkedjan/domain/case/due";
import { isWardParty } from "@vardkedjan/domain/case/party-role";
import type { Actor } from "../../actor";
import { getCase } from "../case/get-case";
import { loadCaseFacts } from "../case/facts";
import { getContactList } from "../contacts/contacts";
import { activeOutagesFor } from "./current";
import { regionOfActor } from "./region";
import { ancestorsOf } from "../org/unit-tree";
import { routineProfileFor } from "./profile";
import { loadPhoneLog } from "./phone-log-entries";
import { visiblePhoneContacts } from "@vardkedjan/domain/case/phone-contact-visibility";
import { doneKeys, loadChecklistTicks, type ChecklistTick } from "./checklist-ticks";

/** A checklist point with, for a manual point, its latest tick or untick (who, from which unit, when). */
export type CaseChecklistItem = ChecklistItem & { tick: ChecklistTick | null };

export interface CaseOutageGuidance {
  /** The outage in progress that affects the viewer's unit; null when none (no guidance then). */
  outage: { id: string; system: OutageSystem; startedAt: Date } | null;
  routine: { name: string; applies: boolean; text: string; variantName: string | null; instructions: string[] } | null;
  /** "Vem ska jag ringa" per step due for the viewer. */
  steps: StepGuidance[];
  /** The routine's checklist for the case (e.g. the discharge waits for the receivers' confirmation). */
  checklist: CaseChecklistItem[];
  /** Receiving units that have not confirmed: the discharge must wait (Västernorrland's rule). */
  dischargeBlockers: number;
  contactListVersion: number | null;
  /** The case's parties by unit, to name the counterpart of a logged call. */
  parties: { unitId: string; label: string }[];
}

/**
 * During an outage, for one case and the viewer's unit: whom to call for each step now due (the
 * numbers and hours from the contact list, open now or not), what to say, and the region's
 * routine checklist. Reading the case is audited by getCase (which also checks access).
 */
export async function caseCallGuidance(db: Db, actor: Actor, caseId: string, now = new Date()): Promise<CaseOutageGuidance> {
  const view = await getCase(db, actor, caseId, now);
  const [outage] = await activeOutagesFor(db, actor);
  const partyNames = view.parties.map((p) => ({ unitId: p.unitId, label: partyLabel({ role: p.role, unitName: p.unitName }) }));
  if (!outage) return { outage: null, routine: null, steps: [], checklist: [], dischargeBlockers: 0, contactListVersion: null, parties: partyNames };

  const regionId = await regionOfActor(db, actor);
  const loaded = await loadCaseFacts(db, caseId);
  const profile = await routineProfileFor(db, regionId!);
  const list = await getContactList(db, regionId!);
  const contacts: ContactEntry[] = list.entries.map((e) => ({
    organisationId: e.organisationId,
    unitId: e.unitId,
    function: e.function,
    phones: e.phones,
    openingHours: e.openingHours,
    mailbox: e.functionMailbox,
    postalAddress: e.postalAddress,
  }));

  const partyUnitIds = view.parties.map((p) => p.unitId);
  const unitRows = partyUnitIds.length
    ? await db.select({ id: schema.units.id, organisationId: schema.units.organisationId }).from(schema.units).where(inArray(schema.units.id, partyUnitIds))
    : [];
  const orgOf = new Map(unitRows.map((u) => [u.id, u.organisationId]));
  // Ancestors nearest first: a ward's hospital carries the utskrivningsledare's numbers.
  const ancestors = await ancestorsOf(db, partyUnitIds);
  const parties: GuidanceParty[] = view.parties.map((p) => ({
    unitId: p.unitId,
    role: p.role,
    organisationId: orgOf.get(p.unitId) ?? "",
    ancestorUnitIds: ancestors.get(p.unitId) ?? [],
    unitName: p.unitName,
  }));

  // The calls as the viewer may see them (consent, hemtjänst's rule): the checklist and "reached"
  // read them, so they must not tell of calls the viewer may not know of.
  const phoneLog = visiblePhoneContacts(
    { partyRole: view.viewer.role, role: actor.context.role },
    await loadPhoneLog(db, { caseId }),
    loaded.facts.consents,
    view.viewer.unitIds,
  );

  // The process steps without a deadline that are phoned in an outage, by the stage the case is in.
  const extra: GuidanceStepCode[] = [];
  if (isWardParty(view.viewer.role)) {
    if (view.stage === "planering") extra.push("meddela_planering");
    if (view.stage === "utskrivningsklar") extra.push("meddela_utskrivningsklar");
  }
  const system = outage.system;
  const full = view.viewer.visibility.level === "full";
  const steps = callGuidance({
    steps: [...(view.due as DueStep[]), ...extra],
    parties,
    contacts,
    ownUnitId: view.viewer.unitIds[0] ?? "",
    now,
    // What the viewer may not read in the case is not read out to them either.
    patient: { name: view.patient.name, identifier: view.patient.identifier, address: view.patient.address },
    facts: full ? loaded.facts : undefined,
    profile,
    system,
    phoneLog,
  });
  // The manual points ticked by hand in this outage (tickChecklistItem), with who and when.
  const ticks = await loadChecklistTicks(db, outage.id, caseId);
  const checklist: CaseChecklistItem[] = outageChecklist({ profile, facts: loaded.facts, parties, phoneLog, now, manualDoneKeys: doneKeys(ticks) }).map(
    (item) => ({
      ...item,
      tick: item.manual ? (ticks.get(item.key) ?? null) : null,
    }),
  );
  const status = routineStatus(profile, { startedAt: outage.startedAt, endedAt: null }, now);
  const variant = routineVariantFor(profile, system);
  return {
    outage: { id: outage.id, system: outage.system, startedAt: outage.startedAt },
    routine: { name: profile.name, applies: status.applies, text: status.text, variantName: variant?.name ?? null, instructions: variant?.instructions ?? [] },
    steps,
    checklist,
    dischargeBlockers: dischargeBlockers(checklist).length,
    contactListVersion: list.version,
    parties: partyNames,
  };
}
