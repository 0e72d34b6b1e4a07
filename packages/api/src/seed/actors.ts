import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";
import { normaliseClaims } from "@vardkedjan/domain/identity/claims";
import { evaluateRules } from "@vardkedjan/domain/identity/evaluate";
import { describeContext } from "@vardkedjan/domain/identity/context-label";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../actor";
import { loadOrgTree } from "../services/identity/org-tree";

/**
 * An actor for a demo person, evaluated with the stored rules exactly as a login would (without
 * opening a login session): the demo data is made through the same services as real work.
 */
export async function demoActor(db: DbOrTx, key: DemoKey, portal: Portal, now = new Date()): Promise<Actor> {
  const member = castByKey(key);
  const principal = normaliseClaims({ ...member.claims, acr: LOA3 });
  const tree = await loadOrgTree(db);
  const rules = (await db.select({ rule: schema.roleMappingRules.rule }).from(schema.roleMappingRules).where(eq(schema.roleMappingRules.enabled, true))).map(
    (r) => r.rule,
  );
  const context = evaluateRules(principal, rules, tree, now).contexts.find((c) => c.portal === portal);
  if (!context) throw new Error(`${key} har inget sammanhang i ${portal}`);
  const [person] = await db.select().from(schema.staff).where(eq(schema.staff.hsaId, principal.employeeHsaId));
  if (!person) throw new Error(`${key} saknas i staff`);
  return {
    loginSessionId: null,
    staffId: person.id,
    hsaId: person.hsaId,
    name: principal.displayName,
    title: person.title,
    portal,
    context: { ...context, label: describeContext(context, tree) } as Actor["context"],
  };
}
