import { schema, and, eq, type Db, type DbOrTx, type Tx } from "@vardkedjan/db/client";
import { parseRoutineProfile, type RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { SEEDED_ROUTINE_PROFILES, defaultRoutineProfile } from "@vardkedjan/domain/outage/routine-profile";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { requireOwnRegion, type OwnRegion } from "./region";

type Region = OwnRegion;

/** The profile a region starts from: its seeded routine (Sörmland Region Sörmland, Reservrutin Link, Västernorrland Region Västernorrland, Avbrottsrutin Lifecare SP), else the default. */
function originalProfile(region: Pick<Region, "hsaId" | "name"> | undefined): RoutineProfile {
  return SEEDED_ROUTINE_PROFILES.find((p) => p.regionHsaId === region?.hsaId) ?? defaultRoutineProfile(region?.hsaId ?? "SE0000000000-VG", region?.name ?? "");
}

/** The region's routine profile: as its administrators saved it, else the seeded one, else the default. */
export async function routineProfileFor(db: DbOrTx, regionId: string): Promise<RoutineProfile> {
  const [region] = await db
    .select({ hsaId: schema.organisations.hsaId, name: schema.organisations.name })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, regionId));
  const [stored] = await db
    .select({ profile: schema.routineProfiles.profile })
    .from(schema.routineProfiles)
    .where(eq(schema.routineProfiles.regionId, regionId));
  if (stored) {
    const parsed = parseRoutineProfile(stored.profile);
    if (parsed.ok) return parsed.profile;
  }
  return originalProfile(region);
}

/** An administrator sees and edits their own region's routine only. */
const ownRegion = (db: DbOrTx, actor: Actor): Promise<Region> => requireOwnRegion(db, actor, "Reservrutinen hanteras av regionens systemförvaltare.");

export interface RoutineProfileView {
  regionName: string;
  profile: RoutineProfile;
  /** 0 while the region still has its seeded (or default) profile; each save adds 1. */
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
  /** What "Återställ" restores: the routine the region started from. */
  original: { name: string; sourceTitle: string; seeded: boolean };
}

/** "Reservrutin för driftstörning": the region's current profile, its version and who last changed it. */
export async function getRoutineProfile(db: Db, actor: Actor): Promise<RoutineProfileView> {
  const region = await ownRegion(db, actor);
  const [row] = await db
    .select({
      version: schema.routineProfiles.version,
      updatedAt: schema.routineProfiles.updatedAt,
      givenName: schema.staff.givenName,
      familyName: schema.staff.familyName,
    })
    .from(schema.routineProfiles)
    .leftJoin(schema.staff, eq(schema.staff.id, schema.routineProfiles.updatedByStaffId))
    .where(eq(schema.routineProfiles.regionId, region.id));
  const original = originalProfile(region);
  return {
    regionName: region.name,
    profile: await routineProfileFor(db, region.id),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.givenName ? `${row.givenName} ${row.familyName}` : null,
    original: { name: original.name, sourceTitle: original.source.title, seeded: SEEDED_ROUTINE_PROFILES.includes(original) },
  };
}

const CONFLICT_MESSAGE = "Rutinen har ändrats av någon annan sedan du öppnade den. Ladda om och gör ändringen igen.";

/** The top-level parts of the profile that differ (for the audit row: names only, no text). */
function changedParts(before: RoutineProfile, after: RoutineProfile): string[] {
  return (Object.keys(after) as (keyof RoutineProfile)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Stores a new version if the stored one is still the one the editor opened (optimistic
 * concurrency), with the audit row in the same transaction; open pages of ongoing outages in the
 * region refetch (the banner text and the call guidance follow the routine).
 */
async function store(
  tx: Tx,
  actor: Actor,
  region: Region,
  profile: RoutineProfile,
  expectedVersion: number,
  now: Date,
  reset: boolean,
): Promise<{ version: number; updatedAt: Date }> {
  const [current] = await tx
    .select({ version: schema.routineProfiles.version })
    .from(schema.routineProfiles)
    .where(eq(schema.routineProfiles.regionId, region.id))
    .for("update");
  const stored = current?.version ?? 0;
  if (stored !== expectedVersion) throw new AppError("CONFLICT", { userMessage: CONFLICT_MESSAGE });
  const before = await routineProfileFor(tx, region.id);
  const version = stored + 1;
  const values = { profile, version, updatedAt: now, updatedByStaffId: actor.staffId };
  const [written] = current
    ? await tx
        .update(schema.routineProfiles)
        .set(values)
        .where(and(eq(schema.routineProfiles.regionId, region.id), eq(schema.routineProfiles.version, stored)))
        .returning({ version: schema.routineProfiles.version })
    : // Two first saves at once: the second insert waits for the first and then does nothing.
      await tx
        .insert(schema.routineProfiles)
        .values({ regionId: region.id, ...values })
        .onConflictDoNothing()
        .returning({ version: schema.routineProfiles.version });
  if (!written) throw new AppError("CONFLICT", { userMessage: CONFLICT_MESSAGE });
  await writeAudit(tx, actor, {
    action: "admin.change",
    entityType: "routine_profile",
    entityId: region.id,
    details: { version, ...(reset ? { reset: true } : {}), changed: changedParts(before, profile) },
  });
  const ongoing = await tx
    .select({ id: schema.outages.id })
    .from(schema.outages)
    .where(and(eq(schema.outages.regionId, region.id), eq(schema.outages.status, "pagaende")));
  for (const o of ongoing) await notifyChange(tx, { type: "outage.changed", regionId: region.id, outageId: o.id });
  return { version, updatedAt: now };
}

/**
 * "Spara rutinen": validated with the domain's parser (Swedish field errors with paths). The
 * region's HSA-id and name are always the administrator's own region's, whatever was sent.
 */
export async function saveRoutineProfile(
  db: Db,
  actor: Actor,
  input: { profile: unknown; expectedVersion: number },
  now = new Date(),
): Promise<{ version: number; updatedAt: Date }> {
  return db.transaction(async (tx) => {
    const region = await ownRegion(tx, actor);
    const sent = input.profile;
    const own = typeof sent === "object" && sent !== null && !Array.isArray(sent) ? { ...sent, regionHsaId: region.hsaId, regionName: region.name } : sent;
    const parsed = parseRoutineProfile(own);
    if (!parsed.ok) {
      throw new AppError("INVALID_INPUT", {
        userMessage:
          parsed.errors.length === 1
            ? `Rutinen kan inte sparas: ${parsed.errors[0]!.message}.`
            : `Rutinen kan inte sparas: ${parsed.errors.length} uppgifter behöver rättas.`,
        details: { fields: parsed.errors },
      });
    }
    return store(tx, actor, region, parsed.profile, input.expectedVersion, now, false);
  });
}

/** "Återställ": the routine the region started from (Region Sörmland, Reservrutin Link / 002, else the default), saved as a new version. */
export async function resetRoutineProfile(
  db: Db,
  actor: Actor,
  input: { expectedVersion: number },
  now = new Date(),
): Promise<{ version: number; updatedAt: Date }> {
  return db.transaction(async (tx) => {
    const region = await ownRegion(tx, actor);
    return store(tx, actor, region, originalProfile(region), input.expectedVersion, now, true);
  });
}
