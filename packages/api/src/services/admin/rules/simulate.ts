import { schema, and, desc, eq, ilike, inArray, or, sql, type Db } from "@vardkedjan/db/client";
import { ClaimError, normaliseClaims } from "@vardkedjan/domain/identity/claims";
import { hsaCatalogue } from "@vardkedjan/domain/identity/employer";
import { diffSimulations, redactSimulation, simulateLogin, type Simulation, type SimulationDiff } from "@vardkedjan/domain/identity/simulate";
import { storedPrincipalSchema } from "@vardkedjan/domain/identity/stored";
import type { MappingRule, Principal } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { loadOrgTree } from "../../identity/org-tree";
import { loadLoginRules } from "../../identity/rules";
import { withRule } from "./affected";
import { checkedRule, type RuleDraft } from "./save";
import { requireRuleOrg, ruleScope, type RuleScope } from "./scope";

export interface PersonMatch {
  staffId: string;
  name: string;
  hsaId: string;
  title: string | null;
  lastLoginAt: Date | null;
}

/**
 * The people an administrator may simulate: staff of the organisations whose rules they may read
 * (by the HSA catalogue that issued their id), or with a commission at one of their units.
 */
function inScope(scope: RuleScope) {
  const catalogues = scope.readable.map((o) => hsaCatalogue(o.hsaId));
  return or(
    inArray(sql`split_part(${schema.staff.hsaId}, '-', 1)`, catalogues),
    sql`exists (select 1 from staff_commissions sc join units u on u.hsa_id = sc.unit_hsa_id join organisations o on o.id = u.organisation_id
                where sc.staff_id = ${schema.staff.id} and o.hsa_id in (${sql.join(
                  scope.readable.map((o) => sql`${o.hsaId}`),
                  sql`, `,
                )}))`,
  );
}

/** People by name or HSA-id, among those the administrator may simulate. */
export async function findPeople(db: Db, actor: Actor, input: { query: string }): Promise<PersonMatch[]> {
  const scope = await ruleScope(db, actor);
  const q = input.query.trim();
  if (q.length < 2) return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      staffId: schema.staff.id,
      name: sql<string>`${schema.staff.givenName} || ' ' || ${schema.staff.familyName}`,
      hsaId: schema.staff.hsaId,
      title: schema.staff.title,
      lastLoginAt: schema.staff.lastLoginAt,
    })
    .from(schema.staff)
    .where(and(inScope(scope), or(eq(schema.staff.hsaId, q), ilike(sql`${schema.staff.givenName} || ' ' || ${schema.staff.familyName}`, like))))
    .orderBy(schema.staff.familyName, schema.staff.givenName)
    .limit(20);
}

export interface SimulateInput {
  /** A person as last seen at login … */
  staffId?: string | undefined;
  /** … or a pasted claim set (JSON text) in any form the login accepts. */
  claims?: string | undefined;
  /** A draft change of one of the actor's own rules (or a new rule when no id), for "före / efter". */
  draft?: { id?: string | undefined; rule: RuleDraft } | undefined;
}

export interface SimulationResult {
  source: "login" | "claims";
  before: Simulation;
  after: Simulation | null;
  diff: SimulationDiff | null;
}

/**
 * "Testa inloggning": the login's evaluation of a person's claims against the rules in force, and,
 * with a draft, against the rules as they would be after saving it. Saves nothing; the look-up is
 * audited (it reads what the person's login said). Rules of organisations the administrator may
 * not read are named only by their owner.
 */
export async function simulate(db: Db, actor: Actor, input: SimulateInput, now = new Date()): Promise<SimulationResult> {
  const scope = await ruleScope(db, actor);
  const principal = input.claims !== undefined ? parseClaims(input.claims) : await lastSeen(db, scope, input.staffId);
  const tree = await loadOrgTree(db);
  const rules = await loadLoginRules(db);
  let afterRules: MappingRule[] | null = null;
  if (input.draft) {
    const id = input.draft.id;
    const [row] = id ? await db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, id)) : [];
    if (id && !row) throw new AppError("NOT_FOUND", { userMessage: "Regeln finns inte." });
    if (row) await requireRuleOrg(db, actor, scope, row.ownerOrgHsaId, "change", row.id);
    const rule = checkedRule(
      input.draft.rule,
      {
        id: row?.id ?? "utkast",
        version: (row?.version ?? 0) + 1,
        ownerOrgHsaId: scope.own.hsaId,
        enabled: row ? row.enabled : input.draft.rule.enabled !== false,
      },
      tree,
    );
    afterRules = withRule(rules, rule.id, rule);
  }
  await writeAudit(db, actor, {
    action: "rules.simulate",
    entityType: input.claims !== undefined ? "claims" : "staff",
    entityId: input.claims !== undefined ? principal.employeeHsaId : (input.staffId ?? ""),
    details: { draftRuleId: input.draft ? (input.draft.id ?? "ny") : null },
  });

  const owners = new Map([...rules, ...(afterRules ?? [])].map((r) => [r.id, r.ownerOrgHsaId]));
  const readable = new Set(scope.readable.map((o) => o.hsaId));
  const canRead = (ruleId: string): boolean => ruleId === "utkast" || readable.has(owners.get(ruleId) ?? "");
  const ownerName = (ruleId: string): string => tree.get(owners.get(ruleId) ?? "")?.name ?? "en annan organisation";
  const run = (rs: MappingRule[]): Simulation => redactSimulation(simulateLogin(principal, rs, tree, now), canRead, ownerName);
  const before = run(rules);
  const after = afterRules ? run(afterRules) : null;
  return { source: input.claims !== undefined ? "claims" : "login", before, after, diff: after ? diffSimulations(before, after) : null };
}

function parseClaims(text: string): Principal {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", {
      userMessage: "Uppgifterna är inte giltig JSON.",
      details: { fields: [{ path: "claims", message: "Klistra in uppgifterna som ett JSON-objekt" }] },
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("INVALID_INPUT", {
      userMessage: "Uppgifterna måste vara ett JSON-objekt.",
      details: { fields: [{ path: "claims", message: "Klistra in ett JSON-objekt { … }" }] },
    });
  }
  try {
    return normaliseClaims(value as Record<string, unknown>);
  } catch (e) {
    if (e instanceof ClaimError) throw new AppError("INVALID_INPUT", { userMessage: e.message, details: { fields: [{ path: "claims", message: e.message }] } });
    throw e;
  }
}

/** The person's claims as their latest login stored them (`login_sessions.principal`). */
async function lastSeen(db: Db, scope: RuleScope, staffId: string | undefined): Promise<Principal> {
  if (!staffId) throw new AppError("INVALID_INPUT", { userMessage: "Välj en person eller klistra in inloggningsuppgifter." });
  const [person] = await db
    .select({ id: schema.staff.id })
    .from(schema.staff)
    .where(and(eq(schema.staff.id, staffId), inScope(scope)));
  if (!person) throw new AppError("NOT_FOUND", { userMessage: "Personen finns inte bland dem du administrerar." });
  const [row] = await db
    .select({ principal: schema.loginSessions.principal })
    .from(schema.loginSessions)
    .where(eq(schema.loginSessions.staffId, person.id))
    .orderBy(desc(schema.loginSessions.createdAt))
    .limit(1);
  const parsed = row ? storedPrincipalSchema.safeParse(row.principal) : null;
  if (!parsed?.success) {
    throw new AppError("NOT_FOUND", {
      userMessage: "Personen har inte loggat in i Vårdkedjan, så det finns inga inloggningsuppgifter. Klistra in uppgifterna i stället.",
    });
  }
  return parsed.data;
}
