import { schema, and, desc, eq, isNull, isNotNull, inArray, type Db } from "@vardkedjan/db/client";
import { parsePhoneContactForm } from "@vardkedjan/domain/outage/phone-form";
import { visiblePhoneContacts } from "@vardkedjan/domain/case/phone-contact-visibility";
import { phoneContactAudience, visibleFromAfterMessage } from "@vardkedjan/domain/case/party-visibility";
import { parseStoredPhoneContact, storedPhoneDetails } from "@vardkedjan/domain/outage/phone-contact-stored";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { isReceivingParty, MUNICIPALITY_CASE_ROLES, OUTPATIENT_PARTY_ROLES } from "@vardkedjan/domain/case/party-role";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { resolveScopeUnitIds } from "../workspace/scope";
import { withCaseAccess } from "../case/scope";
import { createCase } from "../case/create-case";
import { loadCaseFacts } from "../case/facts";
import { municipalityUnitFor, partyUnitById, unitByHsaId } from "../case/units";
import { demoPatientDirectory } from "../patient/directory";
import { activeOutagesFor } from "./current";

/**
 * "Logga telefonkontakt": the digital outage form (Region Västernorrland, Avbrottsrutin Lifecare SP), signed by the logged-in user. A call
 * about a patient without a case opens a provisional case at the ward, so that the case exists
 * when the outage is over (Region Sörmland, Reservrutin Link).
 */
export async function logPhoneContact(
  db: Db,
  actor: Actor,
  input: { form: unknown; idempotencyKey: string },
  now = new Date(),
): Promise<{ phoneContactId: string; caseId: string; provisionalCaseCreated: boolean }> {
  const [dup] = await db
    .select({ id: schema.phoneContacts.id, caseId: schema.phoneContacts.caseId })
    .from(schema.phoneContacts)
    .where(and(eq(schema.phoneContacts.signedByStaffId, actor.staffId), eq(schema.phoneContacts.idempotencyKey, input.idempotencyKey)));
  if (dup) return { phoneContactId: dup.id, caseId: dup.caseId!, provisionalCaseCreated: false };

  const [outage] = await activeOutagesFor(db, actor);
  if (!outage)
    throw new AppError("TRANSITION_NOT_ALLOWED", {
      userMessage: "Ingen pågående driftstörning berör din enhet. Telefonkontakter loggas under en driftstörning.",
    });
  const parsed = parsePhoneContactForm(input.form, { now, outage: { startedAt: outage.startedAt, endedAt: null } });
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", { userMessage: parsed.errors[0]?.message ?? "Formuläret är inte komplett.", details: { fields: parsed.errors } });
  }
  const form = parsed.value;

  let caseId = form.caseId;
  let provisionalCaseCreated = false;
  if (!caseId) {
    const id = form.patientIdentifier!;
    const scope = await resolveScopeUnitIds(db, actor.context);
    const [open] = await db
      .select({ id: schema.coordinationCases.id })
      .from(schema.coordinationCases)
      .innerJoin(schema.patients, eq(schema.patients.id, schema.coordinationCases.patientId))
      .innerJoin(schema.caseParties, eq(schema.caseParties.caseId, schema.coordinationCases.id))
      // Only a case the actor's unit sees (a receiving party from the first message to it); a case
      // elsewhere is reported by createCase below as existing, without its reference or unit.
      .where(
        and(
          eq(schema.patients.identifier, id.value),
          isNull(schema.coordinationCases.closedAt),
          inArray(schema.caseParties.unitId, scope),
          isNull(schema.caseParties.removedAt),
          isNotNull(schema.caseParties.visibleFrom),
        ),
      )
      .limit(1);
    if (open) caseId = open.id;
    else {
      const wards = scope.length
        ? await db
            .select({ id: schema.units.id })
            .from(schema.units)
            .where(and(inArray(schema.units.id, scope), eq(schema.units.kind, "vardavdelning"), eq(schema.units.active, true)))
        : [];
      if (actor.portal !== "slutenvard" || wards.length === 0) {
        throw new AppError("INVALID_INPUT", {
          userMessage: `Patienten ${formatPatientIdentifier(id)} har inget ärende hos din enhet. Avdelningen öppnar ett provisoriskt ärende när den loggar samtalet.`,
        });
      }
      // The parties as for a new case: the municipality from the address, the vårdcentral from the
      // listing, and the unit on the phone if it can be a party.
      const person = await demoPatientDirectory.lookup(db, id);
      const municipality = await municipalityUnitFor(db, person?.municipalityCode ?? null);
      const listed = await unitByHsaId(db, person?.listedUnitHsaId ?? null);
      const party = await partyUnitById(db, form.counterpartUnitId);
      const chosen = [municipality, listed, party].filter((u): u is NonNullable<typeof u> => !!u && isReceivingParty(u.role));
      const unique = [...new Map(chosen.map((u) => [u.id, u])).values()];
      const first = (roles: readonly PartyRole[]) => unique.find((u) => roles.includes(u.role))?.id ?? null;
      const municipalityUnitId = first(MUNICIPALITY_CASE_ROLES);
      const primaryCareUnitId = first(OUTPATIENT_PARTY_ROLES);
      const created = await createCase(db, actor, {
        identifier: id.value,
        admittedAt: form.occurredAt,
        wardUnitId: wards[0]!.id,
        careType: "somatisk",
        lpt: false,
        lrv: false,
        municipalityUnitId,
        primaryCareUnitId,
        otherPartyUnitIds: unique.filter((u) => u.id !== municipalityUnitId && u.id !== primaryCareUnitId).map((u) => u.id),
        provisional: true,
        idempotencyKey: `provisional:${input.idempotencyKey}`,
      });
      caseId = created.caseId;
      provisionalCaseCreated = true;
    }
  }

  const id = await withCaseAccess(db, actor, caseId, async (tx, access) => {
    const [row] = await tx
      .insert(schema.phoneContacts)
      .values({
        outageId: outage.id,
        caseId,
        patientId: access.patientId,
        occurredAt: form.occurredAt,
        counterpartName: form.counterpartName,
        counterpartUnitId: form.counterpartUnitId,
        counterpartUnitText: form.counterpartUnitText,
        steps: form.steps,
        direction: form.direction,
        receiverConfirmed: form.receiverConfirmed,
        details: storedPhoneDetails(form.details, form.counterpartKind),
        comment: form.comment,
        unitId: access.viewerUnitIds[0]!,
        signedByStaffId: actor.staffId,
        loggedAt: now,
        idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: schema.phoneContacts.id });
    await writeAudit(tx, actor, {
      action: "case.phone_contact",
      activity: "Skriva",
      patientId: access.patientId,
      caseId,
      entityType: "phone_contact",
      entityId: row!.id,
      details: { steps: form.steps, direction: form.direction },
    });
    // The unit phoned about the patient has been told: it sees the case from now on. Only the
    // parties that may see this call hear of it live.
    const loaded = await loadCaseFacts(tx, caseId);
    const told = form.counterpartUnitId ? [form.counterpartUnitId] : [];
    const parties = loaded.parties.map((p) => ({ ...p, visibleFrom: visibleFromAfterMessage(p.visibleFrom, p.unitId, told, now) }));
    for (const [i, p] of parties.entries()) {
      if (p.visibleFrom !== loaded.parties[i]!.visibleFrom)
        await tx.update(schema.caseParties).set({ visibleFrom: p.visibleFrom }).where(eq(schema.caseParties.id, p.id));
    }
    const call = {
      unitId: access.viewerUnitIds[0]!,
      counterpartUnitId: form.counterpartUnitId,
      steps: form.steps,
      details: form.details,
      comment: form.comment,
    };
    await notifyChange(tx, { type: "case.changed", caseId, unitIds: phoneContactAudience(parties, call, loaded.facts.consents), kind: "telefonkontakt" });
    return row!.id;
  });
  return { phoneContactId: id, caseId, provisionalCaseCreated };
}

/**
 * The phone contacts logged on a case (shown in the case view during and after an outage), as the
 * viewer may see them: the same consent, party and hemtjänst rules as the messages the calls stand
 * for (the domain's `visiblePhoneContacts`).
 */
export async function listPhoneContacts(db: Db, actor: Actor, caseId: string) {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const rows = await tx
      .select({
        p: schema.phoneContacts,
        unitName: schema.units.name,
        signedBy: schema.staff.givenName,
        signedByFamily: schema.staff.familyName,
      })
      .from(schema.phoneContacts)
      .innerJoin(schema.units, eq(schema.units.id, schema.phoneContacts.unitId))
      .innerJoin(schema.staff, eq(schema.staff.id, schema.phoneContacts.signedByStaffId))
      .where(eq(schema.phoneContacts.caseId, caseId))
      .orderBy(desc(schema.phoneContacts.occurredAt));
    const { facts } = await loadCaseFacts(tx, caseId);
    const viewer = { partyRole: access.viewerRole, role: actor.context.role };
    const calls = rows.map(({ p, unitName, signedBy, signedByFamily }) => {
      const { steps, details, counterpartKind } = parseStoredPhoneContact(p);
      return {
        id: p.id,
        occurredAt: p.occurredAt,
        unitId: p.unitId,
        unitName,
        counterpartKind: counterpartKind ?? "enhet",
        counterpartName: p.counterpartName,
        counterpartUnitText: p.counterpartUnitText,
        counterpartUnitId: p.counterpartUnitId,
        steps,
        direction: p.direction,
        receiverConfirmed: p.receiverConfirmed,
        comment: p.comment,
        details,
        signedBy: `${signedBy} ${signedByFamily}`,
      };
    });
    const visible = visiblePhoneContacts(viewer, calls, facts.consents, access.viewerUnitIds);
    await writeAudit(tx, actor, {
      action: "case.read",
      activity: "Läsa",
      patientId: access.patientId,
      caseId,
      entityType: "phone_contacts",
      details: { phoneContactIds: visible.map((c) => c.id) },
    });
    return visible;
  });
}
