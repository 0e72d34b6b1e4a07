import { schema, eq, or, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { adminReach } from "@vardkedjan/domain/access/admin-reach";
import type { OrganisationKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";

export interface RuleOrg {
  hsaId: string;
  name: string;
  kind: OrganisationKind;
  /** The actor may change this organisation's rules (else only read them, for support). */
  editable: boolean;
}

export interface RuleScope {
  own: RuleOrg;
  /** Every organisation whose rules the actor may read, own first. */
  readable: RuleOrg[];
}

/**
 * Whose rules an administrator may see and change: a region's system administrator changes the
 * region's rules and reads (for support) those of the kommuner in the region; a kommun's
 * delegated administrator reads and changes only the kommun's. Never another organisation's.
 */
export async function ruleScope(db: DbOrTx, actor: Actor): Promise<RuleScope> {
  const reach = adminReach(actor.context.role);
  const scopeHsaId = actor.context.scopeHsaId;
  const [own] = scopeHsaId
    ? await db
        .select({ id: schema.organisations.id, hsaId: schema.organisations.hsaId, name: schema.organisations.name, kind: schema.organisations.kind })
        .from(schema.organisations)
        .where(eq(schema.organisations.hsaId, scopeHsaId))
    : [];
  if (!own || reach === "none") throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang administrerar inga behörighetsregler." });
  const others =
    reach === "region"
      ? await db
          .select({ hsaId: schema.organisations.hsaId, name: schema.organisations.name, kind: schema.organisations.kind })
          .from(schema.organisations)
          .where(or(eq(schema.organisations.regionId, own.id)))
      : [];
  return {
    own: { hsaId: own.hsaId, name: own.name, kind: own.kind, editable: true },
    readable: [
      { hsaId: own.hsaId, name: own.name, kind: own.kind, editable: true },
      ...others.sort((a, b) => a.name.localeCompare(b.name, "sv")).map((o) => ({ ...o, editable: false })),
    ],
  };
}

/**
 * The organisation whose rules are asked for, when the actor may read (or, with `change`, change)
 * them. A refusal is audited as access.denied (committed on its own, outside any transaction that
 * would roll back with the refusal) and answered in Swedish.
 */
export async function requireRuleOrg(db: Db, actor: Actor, scope: RuleScope, ownerHsaId: string, mode: "read" | "change", entityId: string): Promise<RuleOrg> {
  const org = scope.readable.find((o) => o.hsaId === ownerHsaId);
  if (org && (mode === "read" || org.editable)) return org;
  await writeAudit(db, actor, {
    action: "access.denied",
    outcome: "denied",
    entityType: "role_mapping_rule",
    entityId,
    details: { reason: mode === "read" ? "rules_outside_scope" : "rules_read_only", ownerOrgHsaId: ownerHsaId },
  });
  throw new AppError("FORBIDDEN", {
    userMessage: org
      ? `Du kan läsa ${org.name}s behörighetsregler men inte ändra dem. Bara ${org.name}s egen administratör kan ändra dem.`
      : `Regeln tillhör en annan organisation. Du administrerar bara ${scope.own.name}s behörighetsregler.`,
  });
}
