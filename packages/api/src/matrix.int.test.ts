import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { sql } from "@vardkedjan/db/client";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { ROLE_ACTIONS } from "@vardkedjan/domain/access/actions";
import { seedDemoCases } from "./seed/demo-cases";
import {
  allowed,
  ALL_ROLES,
  castMemberFor,
  caseWithParties,
  visibleCaseIds,
  listProcedures,
  outcomeOf,
  roleCallers,
  takesCaseId,
  type Outcome,
  type ProcedureInfo,
  type RoleCaller,
} from "./testing/procedures";
import { sample } from "./testing/zod-inputs";

/**
 * The authorisation matrix, generated from the code: every procedure of appRouter × every role of
 * the action table × (for procedures that name a case) a case in and out of the caller's scope.
 * The action each procedure requires is read from its metadata (set by `authorize`), the roles from
 * ROLE_ACTIONS, the callers from the seeded cast, the cases from the demo cases.
 */

const NO_SUCH_CASE = "00000000-0000-4000-8000-000000000000";

/** Procedures that need no action: they tell the caller who they are, or that the service runs. */
const OPEN = new Set(["session.current", "session.switchContext", "system.health", "outage.current"]);

describe("authorisation matrix (procedures × roles × scope)", () => {
  let t: TestDatabase;
  let callers: RoleCaller[];
  const procedures = listProcedures();
  /** Per role: a case the caller sees (its worklist), and one it does not. */
  const cases = new Map<string, { inScope: string | null; outOfScope: string }>();
  const counts = { cells: 0, refused: 0, allowed: 0, inScope: 0, outOfScope: 0, noCaseInScope: 0, refusedBeforeCase: 0 };

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await seedDemoCases(t.db);
    callers = await roleCallers(t.db);
    const visibleTo = (rc: RoleCaller) => visibleCaseIds(rc.caller);
    // Roles that read cases but are party to no demo case get one: at the ward of a ward role
    // without one, with the receiving units of the others as parties.
    const without: RoleCaller[] = [];
    for (const rc of callers) if (ROLE_ACTIONS[rc.role].includes("case.read") && (await visibleTo(rc)).length === 0) without.push(rc);
    const wardRole = without.find((rc) => rc.portal === "slutenvard");
    const leader = callers.find((rc) => rc.role === "utskrivningsledare")!;
    await caseWithParties(
      t.db,
      leader.caller,
      TOLVAN_IDENTIFIER,
      castMemberFor(wardRole?.role ?? leader.role).scopeHsaId,
      without.filter((rc) => rc.portal !== "slutenvard").map((rc) => castMemberFor(rc.role).scopeHsaId),
    );

    const all = (await t.db.execute<{ id: string }>(sql`select id from coordination_cases order by created_at, id`)).rows.map((r) => r.id);
    for (const rc of callers) {
      const visible = await visibleTo(rc);
      const outside = all.filter((id) => !visible.includes(id));
      cases.set(rc.role, { inScope: visible[0] ?? null, outOfScope: outside[outside.length - 1]! });
    }
  }, 120_000);
  afterAll(async () => {
    console.log(
      `Behörighetsmatris: ${procedures.length} procedurer × ${ALL_ROLES.length} roller = ${procedures.length * ALL_ROLES.length} celler; ` +
        `${counts.refused} nekade (FORBIDDEN + granskningspost), ${counts.allowed} tillåtna; ärendeprocedurer: ${counts.inScope} inom och ${counts.outOfScope} utom omfånget ` +
        `(${counts.noCaseInScope} tillåtna roll×procedur utan eget ärende att pröva inom omfånget; ${counts.refusedBeforeCase} utom omfånget nekade innan ärendet slogs upp, likadant som för ett obefintligt ärende); totalt ${counts.cells} anrop.`,
    );
    await t?.close();
  });

  async function deniedAudits(rc: RoleCaller, path: string): Promise<number> {
    const r = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and outcome = 'denied' and entity_id = ${path} and role = ${rc.role}`,
    );
    return r.rows[0]!.n;
  }

  function inputFor(p: ProcedureInfo, rc: RoleCaller, caseId: string | null): unknown {
    if (!p.input) return undefined;
    return sample(p.input, { caseId: () => caseId ?? NO_SUCH_CASE, identifier: () => "191212121212", contextId: () => rc.contextId });
  }

  it("every procedure either declares the action it requires or is one of the few open ones", () => {
    const undeclared = procedures.filter((p) => !p.meta.action).map((p) => p.path);
    expect(undeclared.sort()).toEqual([...OPEN].sort());
  });

  it("refuses and audits every role without the action, gives every role with it access in scope and 'not found' outside", async () => {
    const problems: string[] = [];
    for (const p of procedures) {
      for (const rc of callers) {
        const scope = cases.get(rc.role)!;
        const cell = `${p.path} × ${rc.role}`;
        if (!allowed(p, rc)) {
          counts.cells++;
          const before = await deniedAudits(rc, p.path);
          const out = await outcomeOf(rc.caller, p.path, inputFor(p, rc, scope.inScope ?? scope.outOfScope));
          if (out.ok || out.error.code !== "FORBIDDEN") problems.push(`${cell}: väntade FORBIDDEN, fick ${out.ok ? "svar" : out.error.code}`);
          else if ((await deniedAudits(rc, p.path)) !== before + 1) problems.push(`${cell}: nekad utan granskningspost`);
          else counts.refused++;
          continue;
        }
        counts.allowed++;
        // A role-level refusal is the one `authorize` audits; a service may still refuse the input
        // (FORBIDDEN "only for a ward you work at"), which is not what this matrix is about.
        const roleRefused = async (call: () => Promise<Outcome>) => {
          const before = await deniedAudits(rc, p.path);
          const out = await call();
          return { out, refused: !out.ok && out.error.code === "FORBIDDEN" && (await deniedAudits(rc, p.path)) > before };
        };
        if (!takesCaseId(p)) {
          counts.cells++;
          const { out, refused } = await roleRefused(() => outcomeOf(rc.caller, p.path, inputFor(p, rc, null)));
          if (refused) problems.push(`${cell}: nekad på rollnivå trots behörighet`);
          if (!out.ok && out.error.code === "INTERNAL_SERVER_ERROR") problems.push(`${cell}: serverfel`);
          continue;
        }
        if (scope.inScope) {
          counts.cells++;
          counts.inScope++;
          const { out, refused } = await roleRefused(() => outcomeOf(rc.caller, p.path, inputFor(p, rc, scope.inScope)));
          if (refused) problems.push(`${cell} inom omfånget: nekad på rollnivå trots behörighet`);
          if (!out.ok && out.error.code === "INTERNAL_SERVER_ERROR") problems.push(`${cell} inom omfånget: serverfel`);
          // The case itself is found: whatever else is refused, it is not "no such case".
          if (!out.ok && out.error.code === "NOT_FOUND" && /Ärendet finns inte/.test(out.message))
            problems.push(`${cell} inom omfånget: ärendet hittades inte`);
        } else counts.noCaseInScope++;
        counts.cells++;
        counts.outOfScope++;
        const out = await outcomeOf(rc.caller, p.path, inputFor(p, rc, scope.outOfScope));
        if (out.ok) problems.push(`${cell} utom omfånget: gav data ${JSON.stringify(out.value).slice(0, 80)}`);
        else if (out.message.includes(scope.outOfScope)) problems.push(`${cell} utom omfånget: svaret nämner ärendet`);
        else if (out.error.code !== "NOT_FOUND") {
          // Refused before the case was looked at (e.g. "no outage in progress"): then the answer
          // must be the same as for a case that does not exist, so it tells nothing about the case.
          const none = await outcomeOf(rc.caller, p.path, inputFor(p, rc, NO_SUCH_CASE));
          if (none.ok || none.error.code !== out.error.code || none.message !== out.message)
            problems.push(`${cell} utom omfånget: ${out.error.code}, skiljer sig från ett obefintligt ärende`);
          else counts.refusedBeforeCase++;
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
