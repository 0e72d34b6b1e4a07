import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";
import { parseRoutineProfile, type RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { SEEDED_ROUTINE_PROFILES, defaultRoutineProfile } from "@vardkedjan/domain/outage/routine-profile";

/** The region's routine profile: as its administrators saved it, else the seeded one, else the default. */
export async function routineProfileFor(db: DbOrTx, regionId: string): Promise<RoutineProfile> {
  const [region] = await db.select({ hsaId: schema.organisations.hsaId, name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, regionId));
  const [stored] = await db.select({ profile: schema.routineProfiles.profile }).from(schema.routineProfiles).where(eq(schema.routineProfiles.regionId, regionId));
  if (stored) {
    const parsed = parseRoutineProfile(stored.profile);
    if (parsed.ok) return parsed.profile;
  }
  return SEEDED_ROUTINE_PROFILES.find((p) => p.regionHsaId === region?.hsaId) ?? defaultRoutineProfile(region?.hsaId ?? "SE0000000000-VG", region?.name ?? "");
}
