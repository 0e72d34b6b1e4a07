import { schema, and, desc, eq, gt, inArray, isNull, or, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import { parseStoredLoginSession } from "@vardkedjan/domain/identity/stored";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { endSessions } from "../../identity/end-sessions";
import { organisationsInReach, refuseOrganisation, type ReachedOrganisation } from "../reach";

/**
 * Staff belong to an organisation when it issued their HSA-id (employed there) or when they hold
 * a commission at one of its units, as last seen at login. The organisations a person belongs to
 * decide which administrators see them (read) and may end their sessions (manage).
 */
async function organisationsOf(db: DbOrTx, staffIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(staffIds.map((id) => [id, new Set<string>()]));
  if (staffIds.length === 0) return result;
  const rows = await db.execute<{ staff_id: string; organisation_id: string }>(sql`
    select s.id::text as staff_id, s.organisation_id::text as organisation_id from staff s
      where s.id = any(${`{${staffIds.join(",")}}`}::uuid[]) and s.organisation_id is not null
    union
    select sc.staff_id::text, u.organisation_id::text from staff_commissions sc join units u on u.hsa_id = sc.unit_hsa_id
      where sc.staff_id = any(${`{${staffIds.join(",")}}`}::uuid[])`);
  for (const r of rows.rows) result.get(r.staff_id)?.add(r.organisation_id);
  return result;
}

function accessTo(orgs: Set<string>, reach: readonly ReachedOrganisation[]): "manage" | "read" | "none" {
  const hits = reach.filter((o) => orgs.has(o.id));
  if (hits.some((o) => o.access === "manage")) return "manage";
  return hits.length > 0 ? "read" : "none";
}

export interface PersonHit {
  id: string;
  hsaId: string;
  name: string;
  title: string | null;
  organisations: string[];
  lastLoginAt: Date | null;
}

/**
 * Staff of the organisations the administrator reaches, by name or HSA-id (at least two
 * characters); at most 50. People of other organisations are never found.
 */
export async function searchPeople(db: Db, actor: Actor, input: { query: string }): Promise<PersonHit[]> {
  const q = input.query.trim();
  if (q.length < 2) throw new AppError("INVALID_INPUT", { userMessage: "Skriv minst två tecken av namnet eller HSA-id:t." });
  const reach = await organisationsInReach(db, actor);
  if (reach.length === 0) return [];
  const orgIds = reach.map((o) => o.id);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({
      id: schema.staff.id,
      hsaId: schema.staff.hsaId,
      givenName: schema.staff.givenName,
      familyName: schema.staff.familyName,
      title: schema.staff.title,
      lastLoginAt: schema.staff.lastLoginAt,
    })
    .from(schema.staff)
    .where(
      and(
        or(
          sql`${schema.staff.hsaId} ilike ${pattern}`,
          sql`(${schema.staff.givenName} || ' ' || ${schema.staff.familyName}) ilike ${pattern}`,
          sql`(${schema.staff.familyName} || ' ' || ${schema.staff.givenName}) ilike ${pattern}`,
        ),
        or(
          inArray(schema.staff.organisationId, orgIds),
          sql`exists (select 1 from staff_commissions sc join units u on u.hsa_id = sc.unit_hsa_id
                where sc.staff_id = ${schema.staff.id} and u.organisation_id = any(${`{${orgIds.join(",")}}`}::uuid[]))`,
        ),
      ),
    )
    .orderBy(schema.staff.familyName, schema.staff.givenName)
    .limit(50);
  const orgsOf = await organisationsOf(
    db,
    rows.map((r) => r.id),
  );
  const nameOf = new Map(reach.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    hsaId: r.hsaId,
    name: `${r.givenName} ${r.familyName}`,
    title: r.title,
    organisations: [...(orgsOf.get(r.id) ?? [])].flatMap((id) => (nameOf.has(id) ? [nameOf.get(id)!] : [])),
    lastLoginAt: r.lastLoginAt,
  }));
}

export interface PersonSession {
  id: string;
  portal: Portal;
  startedAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  activeContext: string | null;
}

export interface PersonDetail {
  id: string;
  hsaId: string;
  name: string;
  title: string | null;
  /** Whether the administrator may end the person's sessions (their own organisation's staff). */
  canManage: boolean;
  lastLoginAt: Date | null;
  /** Commissions as the IdP gave them at the last login (or as last recorded). */
  commissions: { hsaId: string; name: string; purpose: string; unitHsaId: string; unitName: string; providerName: string }[];
  systemRoles: string[];
  /** The contexts the rules gave at the last login, per portal. */
  contexts: { portal: Portal; role: Role; label: string }[];
  denials: string[];
  activeSessions: PersonSession[];
}

async function requirePerson(db: Db, actor: Actor, staffId: string, need: "read" | "manage") {
  const [person] = await db.select().from(schema.staff).where(eq(schema.staff.id, staffId));
  const reach = await organisationsInReach(db, actor);
  const orgs = (await organisationsOf(db, [staffId])).get(staffId) ?? new Set<string>();
  const access = person ? accessTo(orgs, reach) : "none";
  if (!person || access === "none" || (need === "manage" && access !== "manage"))
    return refuseOrganisation(db, actor, [...orgs][0] ?? "", need, { type: "staff", id: staffId });
  return { person, access };
}

/** One person: what they were given at their last login and their live sessions. No personnummer. */
export async function personDetail(db: Db, actor: Actor, input: { staffId: string }, now = new Date()): Promise<PersonDetail> {
  const { person, access } = await requirePerson(db, actor, input.staffId, "read");
  const sessions = await db
    .select()
    .from(schema.loginSessions)
    .where(eq(schema.loginSessions.staffId, person.id))
    .orderBy(desc(schema.loginSessions.createdAt))
    .limit(20);
  const latest = sessions.map((s) => ({ row: s, stored: parseStoredLoginSession(s) })).find((s) => s.stored);
  const recorded = await db.select().from(schema.staffCommissions).where(eq(schema.staffCommissions.staffId, person.id));
  const principal = latest?.stored?.principal;
  const commissions = principal
    ? principal.commissions.map((c) => ({
        hsaId: c.hsaId,
        name: c.name,
        purpose: c.purpose,
        unitHsaId: c.unitHsaId,
        unitName: c.unitName,
        providerName: c.providerName,
      }))
    : recorded.map((c) => ({ hsaId: c.commissionHsaId, name: "", purpose: c.purpose, unitHsaId: c.unitHsaId, unitName: "", providerName: "" }));
  const live = sessions.filter((s) => !s.endedAt && s.expiresAt > now);
  const labelOf = (s: (typeof sessions)[number]) => {
    const stored = parseStoredLoginSession(s);
    return stored?.contexts.find((c) => c.id === s.activeContextId)?.label.label ?? null;
  };
  return {
    id: person.id,
    hsaId: person.hsaId,
    name: `${person.givenName} ${person.familyName}`,
    title: person.title,
    canManage: access === "manage",
    lastLoginAt: person.lastLoginAt,
    commissions,
    systemRoles: principal?.systemRoles.map((r) => r.raw) ?? [],
    contexts: (latest?.stored?.contexts ?? []).map((c) => ({ portal: c.portal, role: c.role, label: c.label.label })),
    denials: (latest?.stored?.denialReasons ?? []).map((d) => d.message),
    activeSessions: live.map((s) => ({
      id: s.id,
      portal: s.portal,
      startedAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      activeContext: labelOf(s),
    })),
  };
}

/**
 * "Avsluta session": ends the chosen live sessions of a person of the administrator's own
 * organisation, in whatever portal each is; the person meets the login at their next request.
 */
export async function endPersonSessions(db: Db, actor: Actor, input: { staffId: string; sessionIds: string[] }, now = new Date()): Promise<{ ended: number }> {
  await requirePerson(db, actor, input.staffId, "manage");
  if (input.sessionIds.length === 0) throw new AppError("INVALID_INPUT", { userMessage: "Välj minst en session att avsluta." });
  return db.transaction(async (tx) => {
    const mine = await tx
      .select({ id: schema.loginSessions.id })
      .from(schema.loginSessions)
      .where(
        and(
          eq(schema.loginSessions.staffId, input.staffId),
          inArray(schema.loginSessions.id, input.sessionIds),
          isNull(schema.loginSessions.endedAt),
          gt(schema.loginSessions.expiresAt, now),
        ),
      );
    if (mine.length !== input.sessionIds.length)
      throw new AppError("CONFLICT", { userMessage: "Någon av sessionerna har redan avslutats. Ladda om sidan och välj igen." });
    const ended = await endSessions(
      tx,
      actor,
      mine.map((s) => s.id),
      "ended_by_admin",
    );
    return { ended: ended.length };
  });
}
