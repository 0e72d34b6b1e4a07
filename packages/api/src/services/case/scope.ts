import { executePrepared, sql, type Db, type DbOrTx, type Tx } from "@vardkedjan/db/client";
import { primaryPartyRole } from "@vardkedjan/domain/case/party-role";
import { partySeesCase } from "@vardkedjan/domain/case/party-visibility";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";

export interface CaseAccess {
  caseId: string;
  patientId: string;
  /** The viewer's units that are parties of the case. */
  viewerUnitIds: string[];
  /** The capacity the viewer acts in for this case. */
  viewerRole: PartyRole;
  /** The units of the actor's context, as resolved for this check. */
  scopeUnitIds: readonly string[];
}

/** The actor's access to a case, or null; no audit row (callers audit what they do with it). */
export async function checkCaseAccess(
  tx: DbOrTx,
  actor: Actor,
  caseId: string,
  /** The actor's units when a check in the same transaction resolved them already. */
  resolved?: readonly string[],
): Promise<CaseAccess | null> {
  const scope = resolved ?? (await resolveScopeUnitIds(tx, actor.context));
  if (scope.length === 0) return null;
  // The case and its parties at the actor's units in one prepared statement (planned once per
  // connection): every read of a case passes here. No row: no such case.
  const res = await executePrepared<{ patient_id: string; unit_id: string | null; role: PartyRole | null; visible_from: string | null }>(
    tx,
    sql`select c.patient_id, cp.unit_id, cp.role, cp.visible_from
      from coordination_cases c
      left join case_parties cp on cp.case_id = c.id and cp.removed_at is null and cp.unit_id = any(${`{${scope.join(",")}}`}::uuid[])
      where c.id = ${caseId}::uuid`,
  );
  const kase = res.rows[0];
  if (!kase) return null;
  const rows = res.rows.flatMap((r) =>
    r.unit_id && r.role ? [{ unitId: r.unit_id, role: r.role, visibleFrom: r.visible_from === null ? null : new Date(r.visible_from), removedAt: null }] : [],
  );
  // A receiving party sees the case only from the first message addressed to it.
  const parties = rows.filter(partySeesCase);
  const viewerRole = primaryPartyRole(parties.map((p) => p.role));
  if (!viewerRole) return null;
  return {
    caseId,
    patientId: kase.patient_id,
    viewerUnitIds: parties.filter((p) => p.role === viewerRole).map((p) => p.unitId),
    viewerRole,
    scopeUnitIds: scope,
  };
}

/**
 * The one place that decides whether the actor may touch a case, running `fn` in the same
 * transaction when it may. A unit sees only cases it is a party to (its scope — a whole hospital
 * for an utskrivningsledare — must cover a party unit), and a receiving party only from the first
 * message addressed to it (domain/case/party-visibility.ts). A refusal is audited (committed) and
 * answered as "not found", so that a case's existence is not revealed.
 */
export async function withCaseAccess<T>(
  /** A caller's transaction runs `fn` in a savepoint of it, so its work commits with the caller's. */
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  fn: (tx: Tx, access: CaseAccess) => Promise<T>,
): Promise<T> {
  // Db and Tx share `transaction` (in a Tx it is a savepoint); the cast only unifies the signatures.
  const result = await (db as Db).transaction(async (tx) => {
    const access = await checkCaseAccess(tx, actor, caseId);
    if (!access) {
      await writeAudit(tx, actor, { action: "case.read", activity: "Läsa", outcome: "denied", entityType: "case", entityId: caseId });
      return { denied: true as const };
    }
    return { denied: false as const, value: await fn(tx, access) };
  });
  if (result.denied) throw new AppError("NOT_FOUND", { userMessage: "Ärendet finns inte, eller så är din enhet inte part i det." });
  return result.value;
}
