import { schema, and, eq, isNotNull, desc, sql, type Db, type DbOrTx, type Tx } from "@vardkedjan/db/client";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { isReceivingParty, isWardParty, MUNICIPALITY_CASE_ROLES, OUTPATIENT_PARTY_ROLES } from "@vardkedjan/domain/case/party-role";
import type { CareType } from "@vardkedjan/domain/case/types";
import { visibleFromWhenAdded } from "@vardkedjan/domain/case/party-visibility";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { resolveScopeUnitIds } from "../workspace/scope";
import { askRegister, demoPatientDirectory, type PatientDirectory } from "../patient/directory";
import { reconcileWithRegister } from "../patient/reconcile";
import { manualRegistrationSchema } from "@vardkedjan/domain/patient/register-check";
import { loadPartyUnits } from "./units";
import { refreshCaseDerived } from "./facts";
import { isUniqueViolation } from "./unique-violation";
import { OPEN_CASE_ELSEWHERE, patientCasesFor } from "./open-case";

export interface CreateCaseInput {
  identifier: string;
  admittedAt: Date;
  needAssessedAt?: Date | null;
  wardUnitId: string;
  careType: CareType;
  lpt: boolean;
  lrv: boolean;
  /** The municipality's needs-assessment unit, proposed from the folkbokföring address. */
  municipalityUnitId: string | null;
  /** The vårdcentral (or psychiatric outpatient unit), proposed from the listing. */
  primaryCareUnitId: string | null;
  otherPartyUnitIds: string[];
  /**
   * Registered by hand when the register does not know the number or does not answer (the patient
   * is then flagged "Ej kontrollerad mot folkbokföringen" until the register confirms them).
   */
  manualName?: { givenName: string; familyName: string } | null;
  manualAddress?: { streetAddress?: string | null; postalCode?: string | null; city?: string | null } | null;
  /** Opened from a phone contact during an outage, before the details are known. */
  provisional?: boolean;
  idempotencyKey: string;
}

async function nextReference(tx: Tx, regionId: string, at: Date): Promise<string> {
  const [org] = await tx
    .select({ shortCode: schema.organisations.shortCode, name: schema.organisations.name })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, regionId));
  const code = org?.shortCode ?? "VK";
  const res = await tx.execute<{ n: string }>(sql`select nextval('case_reference_seq')::text as n`);
  return `${code}-${at.getUTCFullYear()}-${String(res.rows[0]!.n).padStart(5, "0")}`;
}

/**
 * "Ny samordning": opens a coordination case at the ward for an admitted patient, with the
 * patient's details from the register and the receiving parties. One open case per patient; a
 * readmission links to the earlier case; a double-clicked "Skapa" creates once.
 */
export async function createCase(
  db: Db,
  actor: Actor,
  input: CreateCaseInput,
  directory: PatientDirectory = demoPatientDirectory,
): Promise<{ caseId: string; reference: string }> {
  let outcome: Awaited<ReturnType<typeof createOnce>>;
  try {
    outcome = await createOnce(db, actor, input, directory);
  } catch (e) {
    // The loser of a same-key race ("Skapa" sent twice at once): the first one's case is the answer.
    if (!isUniqueViolation(e, "coordination_cases_one_open_per_patient") && !isUniqueViolation(e, "coordination_cases_creation_key")) throw e;
    const [same] = await createdWithKey(db, actor, input.idempotencyKey);
    if (!same) throw e;
    return same;
  }
  if ("conflict" in outcome) {
    // Refused after the transaction, so that the audit row of the check is kept.
    throw new AppError("CONFLICT", { userMessage: outcome.conflict });
  }
  return outcome;
}

function createdWithKey(db: DbOrTx, actor: Actor, key: string) {
  return db
    .select({ caseId: schema.coordinationCases.id, reference: schema.coordinationCases.reference })
    .from(schema.coordinationCases)
    .where(and(eq(schema.coordinationCases.createdByStaffId, actor.staffId), eq(schema.coordinationCases.creationKey, key)));
}

async function createOnce(
  db: Db,
  actor: Actor,
  input: CreateCaseInput,
  directory: PatientDirectory,
): Promise<{ caseId: string; reference: string } | { conflict: string }> {
  const parsed = parsePatientIdentifier(input.identifier);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", { userMessage: parsed.error });
  if (input.admittedAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError("INVALID_INPUT", { userMessage: "Inskrivningstiden kan inte ligga i framtiden." });
  if (input.needAssessedAt && input.needAssessedAt < input.admittedAt) {
    throw new AppError("INVALID_INPUT", { userMessage: "Bedömningen av behov kan inte ligga före inskrivningen." });
  }

  return db.transaction(async (tx) => {
    const [existing] = await createdWithKey(tx, actor, input.idempotencyKey);
    if (existing) return existing;

    const scope = new Set(await resolveScopeUnitIds(tx, actor.context));
    if (!scope.has(input.wardUnitId)) throw new AppError("FORBIDDEN", { userMessage: "Du kan bara starta samordning för en avdelning du arbetar på." });
    const [ward] = await loadPartyUnits(tx, [input.wardUnitId]);
    if (!ward || !isWardParty(ward.role)) throw new AppError("INVALID_INPUT", { userMessage: "Välj en vårdavdelning." });
    const [wardRow] = await tx.select({ parentId: schema.units.parentId }).from(schema.units).where(eq(schema.units.id, ward.id));
    const hospitalId = wardRow?.parentId;
    if (!hospitalId) throw new AppError("INVALID_INPUT", { userMessage: "Avdelningen saknar sjukhus i organisationsträdet." });

    const receiverIds = [input.municipalityUnitId, input.primaryCareUnitId, ...input.otherPartyUnitIds].filter((x): x is string => !!x);
    if (new Set(receiverIds).size !== receiverIds.length) throw new AppError("INVALID_INPUT", { userMessage: "Samma enhet är vald två gånger." });
    const receivers = await loadPartyUnits(tx, receiverIds);
    if (receivers.some((r) => !isReceivingParty(r.role)))
      throw new AppError("INVALID_INPUT", { userMessage: "En mottagande part kan inte vara en vårdavdelning." });
    // Each named slot holds the kind of unit it names: the kommun's needs assessment in the kommun's
    // place, the region's outpatient care (where the fast vårdkontakt is named) in the vårdcentral's.
    const roleOf = (id: string) => receivers[receiverIds.indexOf(id)]!.role;
    if (input.municipalityUnitId && !MUNICIPALITY_CASE_ROLES.includes(roleOf(input.municipalityUnitId)))
      throw new AppError("INVALID_INPUT", { userMessage: "Välj kommunens biståndsenhet som kommun." });
    if (input.primaryCareUnitId && !OUTPATIENT_PARTY_ROLES.includes(roleOf(input.primaryCareUnitId)))
      throw new AppError("INVALID_INPUT", { userMessage: "Välj en vårdcentral eller en psykiatrisk öppenvårdsmottagning som vårdcentral." });

    const answer = await askRegister(directory, tx, parsed.value);
    const person = answer.status === "found" ? answer.person : null;
    const [onFile] = await tx.select().from(schema.patients).where(eq(schema.patients.identifier, parsed.value.value));
    // The register confirms a patient registered by hand earlier: its details win, differences kept.
    if (person && onFile?.registerUncheckedSince) await reconcileWithRegister(tx, actor, onFile, person, new Date());
    // The register does not answer, but the patient is on file as checked: keep those details.
    const checkedOnFile = !person && onFile && !onFile.registerUncheckedSince ? onFile : null;
    const manual = person || checkedOnFile ? null : manualDetails(input, answer.status);
    const name = person ?? checkedOnFile ?? manual!;
    // One open case per patient. Checked before the patient row is touched, so that a refusal
    // changes nothing but its audit row.
    const { open } = await patientCasesFor(tx, actor, parsed.value.value);
    if (open) {
      // A same-key create that committed while this one ran: the same case, not a conflict.
      const [same] = await createdWithKey(tx, actor, input.idempotencyKey);
      if (same) return same;
      return {
        conflict: open.ref
          ? `Patienten har redan ett pågående samordningsärende (${open.ref.reference}). Avsluta det innan ett nytt startas.`
          : OPEN_CASE_ELSEWHERE,
      };
    }

    const details = {
      givenName: name.givenName,
      familyName: name.familyName,
      protectedIdentity: person?.protectedIdentity ?? checkedOnFile?.protectedIdentity ?? false,
      streetAddress: name.streetAddress ?? null,
      postalCode: name.postalCode ?? null,
      city: name.city ?? null,
      municipalityCode: person?.municipalityCode ?? checkedOnFile?.municipalityCode ?? onFile?.municipalityCode ?? null,
      // A hand registration stays flagged from the first time it was typed until the register confirms it.
      registerUncheckedSince: manual ? (onFile?.registerUncheckedSince ?? new Date()) : null,
    };
    const [patient] = await tx
      .insert(schema.patients)
      .values({ identifierKind: parsed.value.kind, identifier: parsed.value.value, ...details })
      .onConflictDoUpdate({ target: schema.patients.identifier, set: { ...details, updatedAt: new Date() } })
      .returning({ id: schema.patients.id });
    if (!patient) throw new AppError("INTERNAL");

    const [previous] = await tx
      .select({ id: schema.coordinationCases.id })
      .from(schema.coordinationCases)
      .where(and(eq(schema.coordinationCases.patientId, patient.id), isNotNull(schema.coordinationCases.closedAt)))
      .orderBy(desc(schema.coordinationCases.admittedAt))
      .limit(1);

    const [hospital] = await tx.select({ organisationId: schema.units.organisationId }).from(schema.units).where(eq(schema.units.id, hospitalId));
    const regionId = hospital!.organisationId;
    const reference = await nextReference(tx, regionId, input.admittedAt);
    const [created] = await tx
      .insert(schema.coordinationCases)
      .values({
        reference,
        patientId: patient.id,
        regionId,
        hospitalUnitId: hospitalId,
        wardUnitId: ward.id,
        careType: input.careType,
        lpt: input.lpt,
        lrv: input.lrv,
        admittedAt: input.admittedAt,
        needAssessedAt: input.needAssessedAt ?? null,
        previousCaseId: previous?.id ?? null,
        provisional: input.provisional ?? false,
        createdByStaffId: actor.staffId,
        creationKey: input.idempotencyKey,
      })
      .returning({ id: schema.coordinationCases.id });
    const caseId = created!.id;
    const addedAt = new Date();
    await tx.insert(schema.caseParties).values(
      [ward, ...receivers].map((u) => ({
        caseId,
        unitId: u.id,
        role: u.role,
        addedAt,
        addedByStaffId: actor.staffId,
        visibleFrom: visibleFromWhenAdded(u.role, addedAt),
      })),
    );
    await refreshCaseDerived(tx, caseId);
    await writeAudit(tx, actor, {
      action: "case.create",
      activity: "Skriva",
      patientId: patient.id,
      caseId,
      entityType: "case",
      entityId: caseId,
      details: { readmission: !!previous, ...(manual ? { registeredByHand: answer.status } : {}) },
    });
    await notifyChange(tx, { type: "case.changed", caseId, unitIds: [ward.id, ...receivers.map((r) => r.id)] });
    return { caseId, reference };
  });
}

/**
 * The hand registration when the register does not confirm the person: the name is required, the
 * address asked for. A valid number the register does not know, or a register that does not answer,
 * never stops the admission.
 */
function manualDetails(input: CreateCaseInput, status: "not_found" | "unavailable" | "found") {
  const why =
    status === "unavailable"
      ? "Folkbokföringen svarar inte just nu: registrera patientens namn och adress för hand."
      : "Personen finns inte i folkbokföringen: registrera patientens namn och adress för hand.";
  if (!input.manualName) throw new AppError("INVALID_INPUT", { userMessage: why });
  const parsed = manualRegistrationSchema.safeParse({ ...input.manualName, ...(input.manualAddress ?? {}) });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("INVALID_INPUT", { userMessage: fields[0]!.message, details: { fields } });
  }
  return parsed.data;
}
