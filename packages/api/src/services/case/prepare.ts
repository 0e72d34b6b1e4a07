import { schema, and, eq, inArray, or, asc, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { mayBeFixedCareContact } from "@vardkedjan/domain/case/fixed-care-contact";
import { parsePatientIdentifier, formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";
import { askRegister, demoPatientDirectory, type PatientDirectory } from "../patient/directory";
import { reconcileWithRegister } from "../patient/reconcile";
import { patientRegisterStatus } from "../patient/register-status";
import { municipalityUnitFor, unitByHsaId } from "./units";
import { withCaseAccess } from "./scope";
import { OPEN_CASE_ELSEWHERE, patientCasesFor } from "./open-case";

export interface UnitOption {
  id: string;
  name: string;
  organisationName: string;
}

export interface NewCasePreparation {
  identifier: string;
  kind: "personnummer" | "samordningsnummer" | "reservnummer";
  /** null: the register does not confirm the person, so the name and address are registered by hand. */
  person: { name: string; protectedIdentity: boolean; address: string | null } | null;
  /**
   * What the register answered: "found"; "not_found" (a valid number it does not know); "unavailable"
   * (it did not answer). Neither of the last two stops the admission.
   */
  register: "found" | "not_found" | "unavailable";
  /** The person is on file with us from before (the register did not answer): those details are used. */
  onFile: boolean;
  /** This lookup confirmed a hand-registered patient: what the register said differently (Swedish lines). */
  reconciledDifferences: string[] | null;
  /** The patient's open case, when the actor may open it. */
  openCase: { id: string; reference: string } | null;
  /** Swedish: an open case exists that the actor may not open (another unit or provider), and what to do. */
  openCaseElsewhere: string | null;
  previousCaseReference: string | null;
  proposed: { municipalityUnitId: string | null; primaryCareUnitId: string | null };
  options: { wards: UnitOption[]; municipalities: UnitOption[]; primaryCare: UnitOption[]; others: UnitOption[] };
}

async function unitOptions(db: DbOrTx, where: Parameters<typeof and>[0]): Promise<UnitOption[]> {
  return db
    .select({ id: schema.units.id, name: schema.units.name, organisationName: schema.organisations.name })
    .from(schema.units)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.units.organisationId))
    .where(and(eq(schema.units.active, true), where))
    .orderBy(asc(schema.units.name));
}

/**
 * "Ny samordning", step 1: look the patient up in the register and propose the parties — the
 * municipality from the folkbokföring address, the vårdcentral from the listing. Audited as a
 * lookup of patient data.
 */
export async function prepareNewCase(
  db: Db,
  actor: Actor,
  rawIdentifier: string,
  directory: PatientDirectory = demoPatientDirectory,
): Promise<NewCasePreparation> {
  const parsed = parsePatientIdentifier(rawIdentifier);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", { userMessage: parsed.error });
  const id = parsed.value;
  const scope = await resolveScopeUnitIds(db, actor.context);

  return db.transaction(async (tx) => {
    const answer = await askRegister(directory, tx, id);
    const [onFile] = await tx.select().from(schema.patients).where(eq(schema.patients.identifier, id.value));
    let reconciledDifferences: string[] | null = null;
    if (answer.status === "found" && onFile?.registerUncheckedSince) {
      await reconcileWithRegister(tx, actor, onFile, answer.person, new Date());
      reconciledDifferences = await reconciledLines(tx, onFile.id);
    }
    // The register does not answer, but we have the patient on file as checked: use that.
    const checkedOnFile = answer.status !== "found" && onFile && !onFile.registerUncheckedSince ? onFile : null;
    const person = answer.status === "found" ? answer.person : checkedOnFile;
    const municipality = await municipalityUnitFor(tx, person?.municipalityCode ?? null);
    const listed = await unitByHsaId(tx, answer.status === "found" ? answer.person.listedUnitHsaId : null);
    // Another provider's case is reported only as existing (see open-case.ts).
    const known = await patientCasesFor(tx, actor, id.value);

    // The region of the actor's scope: its units are the usual parties.
    const [scopeUnit] = scope.length
      ? await tx.select({ organisationId: schema.units.organisationId }).from(schema.units).where(inArray(schema.units.id, scope)).limit(1)
      : [];
    const regionId = scopeUnit?.organisationId ?? null;
    const inRegion = regionId ? or(eq(schema.organisations.id, regionId), eq(schema.organisations.regionId, regionId)) : undefined;
    const wards = scope.length ? await unitOptions(tx, and(inArray(schema.units.id, scope), eq(schema.units.kind, "vardavdelning"))) : [];
    const municipalities = await unitOptions(tx, and(eq(schema.units.kind, "bistandsenhet"), inRegion));
    const primaryCare = await unitOptions(tx, and(inArray(schema.units.kind, ["vardcentral", "psykiatrisk_oppenvard"]), inRegion));
    const others = municipality
      ? await unitOptions(tx, and(eq(schema.units.organisationId, municipality.organisationId), inArray(schema.units.kind, ["hemsjukvard", "hemtjanstgrupp"])))
      : [];
    const addIfMissing = (list: UnitOption[], u: { id: string; name: string } | null) =>
      u && !list.some((o) => o.id === u.id) ? [...list, { id: u.id, name: u.name, organisationName: "" }] : list;

    // Also a search without a hit is logged, with what was searched for (the audit log is protected).
    await writeAudit(tx, actor, {
      action: "patient.lookup",
      activity: "Läsa",
      patientId: known.patientId,
      entityType: "population_register",
      details: { found: answer.status === "found", register: answer.status, searched: id.value },
    });
    return {
      identifier: formatPatientIdentifier(id),
      kind: id.kind,
      person: person
        ? {
            name: `${person.givenName} ${person.familyName}`,
            protectedIdentity: person.protectedIdentity,
            address: person.protectedIdentity
              ? null
              : [person.streetAddress, [person.postalCode, person.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
          }
        : null,
      register: answer.status,
      onFile: !!checkedOnFile,
      reconciledDifferences,
      openCase: known.open?.ref ?? null,
      openCaseElsewhere: known.open && !known.open.ref ? OPEN_CASE_ELSEWHERE : null,
      previousCaseReference: known.previousReference,
      proposed: { municipalityUnitId: municipality?.id ?? null, primaryCareUnitId: listed?.id ?? null },
      options: { wards, municipalities: addIfMissing(municipalities, municipality), primaryCare: addIfMissing(primaryCare, listed), others },
    };
  });
}

/** For naming the fast vårdkontakt: the people the domain allows at the viewer's unit (a care commission there). */
export async function fixedCareContactCandidates(db: Db, actor: Actor, caseId: string): Promise<{ staffId: string; name: string; title: string | null }[]> {
  return withCaseAccess(db, actor, caseId, async (tx, access) => {
    const units = await tx.select({ hsaId: schema.units.hsaId }).from(schema.units).where(inArray(schema.units.id, access.viewerUnitIds));
    const rows = await tx
      .select({
        staffId: schema.staff.id,
        givenName: schema.staff.givenName,
        familyName: schema.staff.familyName,
        title: schema.staff.title,
        unitHsaId: schema.staffCommissions.unitHsaId,
        purpose: schema.staffCommissions.purpose,
      })
      .from(schema.staffCommissions)
      .innerJoin(schema.staff, eq(schema.staff.id, schema.staffCommissions.staffId))
      .where(
        inArray(
          schema.staffCommissions.unitHsaId,
          units.map((u) => u.hsaId),
        ),
      )
      .orderBy(asc(schema.staff.familyName), asc(schema.staff.givenName), asc(schema.staff.id));
    const candidates = new Map<string, { staffId: string; name: string; title: string | null }>();
    for (const r of rows) {
      if (candidates.has(r.staffId) || !units.some((u) => mayBeFixedCareContact([r], u.hsaId))) continue;
      candidates.set(r.staffId, { staffId: r.staffId, name: `${r.givenName} ${r.familyName}`, title: r.title });
    }
    return [...candidates.values()];
  });
}

async function reconciledLines(tx: DbOrTx, patientId: string): Promise<string[]> {
  const [row] = await tx.select().from(schema.patients).where(eq(schema.patients.id, patientId));
  return row ? (patientRegisterStatus(row).reconciled?.differences ?? []) : [];
}
