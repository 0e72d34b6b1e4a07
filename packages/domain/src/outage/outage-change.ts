import "../zod-csp";
import * as z from "zod";
import { OUTAGE_SCOPE_KINDS, OUTAGE_SYSTEMS, type OutageScopeKind, type OutageSystem } from "./types";

/**
 * One entry of an outage's history ("who changed what", the jsonb column `outage_events.change`):
 * written by the API when an outage is declared, changed, proposed, decided or ended, and parsed
 * on the way out so the history page reads typed fields. Times are ISO strings, as jsonb holds them.
 */
const text = z.string().nullable();
export const outageChangeSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("startad"),
    system: z.enum(OUTAGE_SYSTEMS),
    systemDetail: text.optional(),
    scope: z.enum(OUTAGE_SCOPE_KINDS),
    unitIds: z.array(z.string()).catch([]),
    expectedEndAt: text.optional(),
    message: text.optional(),
  }),
  /** Only the fields that were changed are present; null: removed. */
  z.object({ action: z.literal("andrad"), expectedEndAt: text.optional(), message: text.optional(), systemDetail: text.optional() }),
  z.object({ action: z.literal("avslutad") }),
  /** A failing health check proposed an outage: which integration and what it answered. */
  z.object({ action: z.literal("foreslagen"), integration: z.string(), detail: z.string() }),
  z.object({ action: z.literal("bekraftad") }),
  z.object({ action: z.literal("avvisad") }),
]);
export type OutageChange = z.infer<typeof outageChangeSchema>;

export const parseOutageChange = (raw: unknown): OutageChange => outageChangeSchema.parse(raw);

/** The history entry of a declared outage. */
export function declaredChange(input: {
  system: OutageSystem;
  systemDetail?: string | null;
  scope: OutageScopeKind;
  unitIds: string[];
  expectedEndAt?: Date | null;
  message?: string | null;
}): OutageChange {
  return {
    action: "startad",
    system: input.system,
    ...(input.systemDetail !== undefined ? { systemDetail: input.systemDetail } : {}),
    scope: input.scope,
    unitIds: input.unitIds,
    ...(input.expectedEndAt !== undefined ? { expectedEndAt: input.expectedEndAt?.toISOString() ?? null } : {}),
    ...(input.message !== undefined ? { message: input.message } : {}),
  };
}

/** The history entry of a change to an ongoing outage: the fields given, each as it was set (null: removed). */
export function updatedChange(input: { expectedEndAt?: Date | null; message?: string | null; systemDetail?: string | null }): OutageChange {
  return {
    action: "andrad",
    ...(input.expectedEndAt !== undefined ? { expectedEndAt: input.expectedEndAt?.toISOString() ?? null } : {}),
    ...(input.message !== undefined ? { message: input.message } : {}),
    ...(input.systemDetail !== undefined ? { systemDetail: input.systemDetail } : {}),
  };
}
