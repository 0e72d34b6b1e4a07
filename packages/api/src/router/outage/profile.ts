import { z } from "zod";
import { adminProcedure, authorize } from "../../trpc";
import { getRoutineProfile, resetRoutineProfile, saveRoutineProfile } from "../../services/outage/profile";

/** Förvaltning's "Reservrutin för driftstörning": the region's routine profile. */
const admin = authorize("outage.manageRoutine", adminProcedure);

const expectedVersion = z.number({ error: "Versionen saknas" }).int().min(0);

/** The current profile of the administrator's region, its version (0: still the seeded one) and who last changed it. */
const routineProfile = admin.query(({ ctx }) => getRoutineProfile(ctx.db, ctx.actor));

/** Saves an edited profile if nobody saved since `expectedVersion` was read (else CONFLICT). */
const saveRoutineProfileProcedure = admin
  .input(z.object({ profile: z.unknown(), expectedVersion }))
  .mutation(({ ctx, input }) => saveRoutineProfile(ctx.db, ctx.actor, { profile: input.profile, expectedVersion: input.expectedVersion }));

/** Restores the routine the region started from, as a new version (same concurrency rule). */
const resetRoutineProfileProcedure = admin.input(z.object({ expectedVersion })).mutation(({ ctx, input }) => resetRoutineProfile(ctx.db, ctx.actor, input));

/** Spread into the outage router. */
export const routineProfileProcedures = {
  routineProfile,
  saveRoutineProfile: saveRoutineProfileProcedure,
  resetRoutineProfile: resetRoutineProfileProcedure,
};
