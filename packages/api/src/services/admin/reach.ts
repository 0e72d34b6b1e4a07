import { schema, eq, or, sql, type DbOrTx } from "@vardkedjan/db/client";
import { organisationAccess, type OrganisationAccess } from "@vardkedjan/domain/access/admin-reach";
import type { OrganisationKind } from "@vardkedjan/domain/identity/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";

export interface ReachedOrganisation {
  id: string;
  hsaId: string;
  name: string;
  kind: OrganisationKind;
  regionId: string | null;
  access: Exclude<OrganisationAccess, "none">;
}

/** The organisation the administrator's context is scoped to (its own, or the one of its scope unit). */
export async function ownOrganisation(db: DbOrTx, actor: Actor) {
  const scope = actor.context.scopeHsaId;
  if (!scope) return null;
  const res = await db.execute<{ id: string }>(sql`
    select o.id::text as id from organisations o
    where o.hsa_id = ${scope} or o.id = (select u.organisation_id from units u where u.hsa_id = ${scope})
    limit 1`);
  const id = res.rows[0]?.id;
  if (!id) return null;
  const [org] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, id));
  return org ?? null;
}

/**
 * Every organisation the administrator reaches, own first: a kommun's administrator only the
 * kommun, a region's system administrator the region (manage) and its kommuner and providers
 * (read, for support). What is not in this list is never shown.
 */
export async function organisationsInReach(db: DbOrTx, actor: Actor): Promise<ReachedOrganisation[]> {
  const own = await ownOrganisation(db, actor);
  if (!own) return [];
  const candidates = await db
    .select()
    .from(schema.organisations)
    .where(or(eq(schema.organisations.id, own.id), eq(schema.organisations.regionId, own.id)));
  const result: ReachedOrganisation[] = [];
  for (const o of candidates) {
    const access = organisationAccess(actor.context.role, own, o);
    if (access !== "none") result.push({ id: o.id, hsaId: o.hsaId, name: o.name, kind: o.kind, regionId: o.regionId, access });
  }
  return result.sort((a, b) => Number(b.access === "manage") - Number(a.access === "manage") || a.name.localeCompare(b.name, "sv"));
}

const REFUSAL = {
  read: "Organisationen ligger utanför det du administrerar. Du kan bara se din egen organisations enheter och personal.",
  manage: "Du kan bara ändra din egen organisations enheter och personal. Andra organisationers uppgifter kan du som mest läsa.",
} as const;

/**
 * The administrator's access to an organisation, at least `need`; otherwise the attempt is audited
 * (committed on its own, as a refused procedure is) and refused in Swedish. An unknown
 * organisation is refused the same way, so that a guess tells nothing.
 */
export async function requireOrganisation(db: DbOrTx, actor: Actor, organisationId: string, need: "read" | "manage"): Promise<ReachedOrganisation> {
  const reached = (await organisationsInReach(db, actor)).find((o) => o.id === organisationId);
  if (reached && (need === "read" || reached.access === "manage")) return reached;
  return refuseOrganisation(db, actor, organisationId, need);
}

/** Audits a refused administration of another organisation and throws the Swedish refusal. */
export async function refuseOrganisation(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  need: "read" | "manage",
  entity?: { type: string; id: string },
): Promise<never> {
  await writeAudit(db, actor, {
    action: "access.denied",
    outcome: "denied",
    entityType: entity?.type ?? "organisation",
    entityId: entity?.id ?? organisationId,
    details: { reason: "FORBIDDEN", need, organisationId },
  });
  throw new AppError("FORBIDDEN", { userMessage: REFUSAL[need] });
}
