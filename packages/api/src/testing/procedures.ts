import type { z } from "zod";
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { schema, inArray, type Db } from "@vardkedjan/db/client";
import { demoCast, type DemoKey } from "@vardkedjan/db/seed";
import { ROLE_ACTIONS } from "@vardkedjan/domain/access/actions";
import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import { appRouter, createCaller } from "../root";
import type { ApiContext, ProcedureMeta } from "../trpc";
import { chooseContext, loadSession } from "../services/identity/session";
import { signInCast, type Caller } from "./callers";

/** One procedure of the API as the router declares it: its path, kind, metadata and input schema. */
export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: ProcedureMeta;
  /** The procedure's zod input schema (merged from its `.input()` calls), or null when it takes none. */
  input: z.ZodType | null;
}

interface ProcedureDef {
  _def: { type: ProcedureInfo["type"]; meta?: ProcedureMeta; inputs: unknown[] };
}

/** Every procedure of appRouter, read from the router itself (so a new one is covered without a table). */
export function listProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(record)
    .map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta ?? {}, input: (p._def.inputs[0] as z.ZodType | undefined) ?? null }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls a procedure of a caller by its dotted path. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

/** The outcome of a call: the value, or the tRPC error with its formatted shape (as a client would get it). */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: TRPCError; appCode: string; message: string };

/** The error shape a client receives for `error` (the router's own error formatter). */
export function clientShape(error: TRPCError, path: string) {
  return getErrorShape({ config: appRouter._def._config, error, type: "unknown", path, input: undefined, ctx: undefined }) as {
    message: string;
    data: { appCode: string; fieldErrors?: { path: string; message: string }[] };
  };
}

export async function outcomeOf(caller: Caller, path: string, input: unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await callPath(caller, path, input) };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const shape = clientShape(e, path);
    return { ok: false, error: e, appCode: shape.data.appCode, message: shape.message };
  }
}

/** A cast member with the role, and the portal and scope the seeded rules give them for it. */
export function castMemberFor(role: Role): { key: DemoKey; portal: Portal; scopeHsaId: string } {
  for (const m of demoCast) {
    const ctx = m.intended.find((c) => c.role === role);
    if (ctx) return { key: m.key as DemoKey, portal: ctx.portal, scopeHsaId: ctx.scopeHsaId };
  }
  throw new Error(`Ingen i demorollistan har rollen ${role}`);
}

export const ALL_ROLES = Object.keys(ROLE_ACTIONS) as Role[];

export interface RoleCaller {
  role: Role;
  key: DemoKey;
  portal: Portal;
  /** The active context's id (what session.switchContext takes). */
  contextId: string;
  caller: Caller;
}

/** One signed-in caller per role of the action table, in the portal and context the seed gives that role. */
export async function roleCallers(db: Db, extra: Omit<ApiContext, "db" | "portal" | "session" | "expectedContextId"> = {}): Promise<RoleCaller[]> {
  const out: RoleCaller[] = [];
  for (const role of ALL_ROLES) {
    const { key, portal, scopeHsaId } = castMemberFor(role);
    const signedIn = await signInCast(db, key, portal);
    const context =
      signedIn.session.contexts.find((c) => c.role === role && c.scopeHsaId === scopeHsaId) ?? signedIn.session.contexts.find((c) => c.role === role);
    if (!context) throw new Error(`${key} fick ingen kontext med rollen ${role}`);
    await chooseContext(db, signedIn.session, context.id);
    const session = (await loadSession(db, signedIn.loginSessionId, portal))!;
    out.push({ role, key, portal, contextId: context.id, caller: createCaller({ ...extra, db, portal, session, expectedContextId: null }) });
  }
  return out;
}

/** Whether the role may call the procedure at all: the action it declares and the portal it is limited to. */
export function allowed(p: ProcedureInfo, rc: { role: Role; portal: Portal }): boolean {
  if (p.meta.portal && p.meta.portal !== rc.portal) return false;
  return !p.meta.action || ROLE_ACTIONS[rc.role].includes(p.meta.action);
}

/** The ids of the cases a caller sees (its worklist, closed ones included); empty without case.read. */
export async function visibleCaseIds(caller: Caller): Promise<string[]> {
  const list = await outcomeOf(caller, "case.list", { includeClosed: true, pageSize: 200 });
  return list.ok ? (list.value as { rows: { caseId: string }[] }).rows.map((r) => r.caseId) : [];
}

/** Whether the procedure's input names a case (it is then checked in and out of the caller's scope). */
export function takesCaseId(p: ProcedureInfo): boolean {
  const shape = (p.input as unknown as { shape?: Record<string, unknown> } | null)?.shape;
  return !!shape && "caseId" in shape;
}

/**
 * A case at `wardHsaId` with the given receiving units as parties, opened by `ward` and announced
 * to every party with an admission notice (a party sees a case from the first message to it), so
 * that roles the demo cases leave out (therapists, hemsjukvård, hemtjänst …) have one in scope.
 */
export async function caseWithParties(db: Db, ward: Caller, identifier: string, wardHsaId: string, partyHsaIds: string[]): Promise<string> {
  const units = await db
    .select({ id: schema.units.id, hsaId: schema.units.hsaId })
    .from(schema.units)
    .where(inArray(schema.units.hsaId, [wardHsaId, ...partyHsaIds]));
  const idOf = (hsa: string) => units.find((u) => u.hsaId === hsa)!.id;
  const prep = await ward.case.prepare({ identifier });
  const { caseId } = await ward.case.create({
    identifier,
    admittedAt: new Date(Date.now() - 3 * 3600_000),
    wardUnitId: idOf(wardHsaId),
    careType: "somatisk",
    municipalityUnitId: prep.proposed.municipalityUnitId,
    primaryCareUnitId: null,
    otherPartyUnitIds: partyHsaIds.map(idOf).filter((id) => id !== prep.proposed.municipalityUnitId),
    idempotencyKey: `matris-${identifier}`,
  });
  const view = await ward.case.get({ caseId });
  const recipients = view.parties.filter((p) => p.role !== "avdelning").map((p) => p.unitId);
  await ward.case.sendMessage({
    caseId,
    kind: "inskrivningsmeddelande",
    payload: { estimatedDischargeDate: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10) },
    recipientUnitIds: recipients,
    idempotencyKey: `matris-inskr-${identifier}`,
  });
  return caseId;
}
