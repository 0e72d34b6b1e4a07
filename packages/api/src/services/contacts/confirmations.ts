import { createHash, randomBytes } from "node:crypto";
import { adminReach } from "@vardkedjan/domain/access/admin-reach";
import { schema, and, asc, eq, inArray, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { notifyChange } from "../../realtime/events";
import { sendToEach, type Mailer } from "../../mail/mailer";
import { contactListConfirmationMail } from "../../mail/templates";
import { regionOfActor } from "../outage/region";
import { confirmationAnswerState, type ConfirmationAnswerState } from "@vardkedjan/domain/outage/contact-confirmation";

const DEFAULT_CONFIRMATION_HOURS = 6;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The region's deadline for confirming the contact list (Sörmland: 6 hours, Region Sörmland, Reservrutin Link). */
async function confirmationHours(db: DbOrTx, regionId: string): Promise<number> {
  const [row] = await db.select({ profile: schema.routineProfiles.profile }).from(schema.routineProfiles).where(eq(schema.routineProfiles.regionId, regionId));
  const h = Number((row?.profile as { contactConfirmationHours?: unknown } | undefined)?.contactConfirmationHours);
  return Number.isFinite(h) && h > 0 ? h : DEFAULT_CONFIRMATION_HOURS;
}

export interface PendingConfirmationMail {
  confirmationId: string;
  token: string;
  organisationName: string;
  regionName: string;
  deadlineAt: Date;
  recipients: string[];
}

/**
 * On a major outage: one confirmation request per kommun of the region that has designated
 * representatives, in the declaring transaction. The tokens are returned for mailing after commit.
 */
export async function createConfirmationRequests(tx: DbOrTx, outageId: string, regionId: string, now: Date): Promise<PendingConfirmationMail[]> {
  const hours = await confirmationHours(tx, regionId);
  const deadlineAt = new Date(now.getTime() + hours * 3600_000);
  const [region] = await tx.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, regionId));
  const reps = await tx
    .select({
      organisationId: schema.contactRepresentatives.organisationId,
      organisationName: schema.organisations.name,
      email: schema.contactRepresentatives.email,
    })
    .from(schema.contactRepresentatives)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.contactRepresentatives.organisationId))
    .where(and(eq(schema.organisations.regionId, regionId), eq(schema.organisations.kind, "kommun"), eq(schema.contactRepresentatives.active, true)))
    .orderBy(asc(schema.organisations.name));
  const byOrg = new Map<string, { name: string; emails: string[] }>();
  for (const r of reps) {
    const o = byOrg.get(r.organisationId) ?? { name: r.organisationName, emails: [] };
    o.emails.push(r.email);
    byOrg.set(r.organisationId, o);
  }
  const out: PendingConfirmationMail[] = [];
  for (const [organisationId, o] of byOrg) {
    const token = randomBytes(24).toString("base64url");
    const [row] = await tx
      .insert(schema.contactConfirmations)
      .values({ outageId, organisationId, tokenHash: hash(token), deadlineAt })
      .onConflictDoNothing()
      .returning({ id: schema.contactConfirmations.id });
    if (row) out.push({ confirmationId: row.id, token, organisationName: o.name, regionName: region?.name ?? "", deadlineAt, recipients: o.emails });
  }
  return out;
}

/** Sends the requests through SMTP (after commit) and records, per kommun, that it was sent or why not. */
export async function mailConfirmationRequests(
  db: Db,
  mailer: Mailer | null,
  pending: PendingConfirmationMail[],
  confirmBaseUrl: string,
  systemLabel: string,
): Promise<void> {
  for (const p of pending) {
    const error = await sendToEach(mailer, p.recipients, () =>
      contactListConfirmationMail({
        organisationName: p.organisationName,
        regionName: p.regionName,
        deadline: p.deadlineAt,
        confirmUrl: `${confirmBaseUrl}/kontaktlista/bekrafta?t=${encodeURIComponent(p.token)}`,
        outageSystemLabel: systemLabel,
      }),
    );
    await db
      .update(schema.contactConfirmations)
      .set(error ? { sendError: error } : { sentAt: new Date(), sendError: null })
      .where(eq(schema.contactConfirmations.id, p.confirmationId));
  }
}

export interface ConfirmationStatus {
  organisationId: string;
  organisationName: string;
  representatives: { name: string; email: string }[];
  sentAt: Date | null;
  sendError: string | null;
  deadlineAt: Date;
  respondedAt: Date | null;
  response: "bekraftad" | "korrigerad" | null;
  respondedBy: string | null;
  comment: string | null;
  overdue: boolean;
  /** What Förvaltning's page shows: no "Väntar på svar" once the outage has ended. */
  state: ConfirmationAnswerState;
}

/** Who has confirmed, who is overdue: Förvaltning's live view of an outage. */
export async function confirmationStatus(db: Db, actor: Actor, outageId: string, now = new Date()): Promise<ConfirmationStatus[]> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) return [];
  const rows = await db
    .select({
      c: schema.contactConfirmations,
      organisationName: schema.organisations.name,
      respondedBy: sql<string | null>`(select given_name || ' ' || family_name from staff where staff.id = ${schema.contactConfirmations.respondedByStaffId})`,
      outageEndedAt: schema.outages.endedAt,
    })
    .from(schema.contactConfirmations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.contactConfirmations.organisationId))
    .innerJoin(schema.outages, eq(schema.outages.id, schema.contactConfirmations.outageId))
    .where(and(eq(schema.contactConfirmations.outageId, outageId), eq(schema.outages.regionId, regionId)))
    .orderBy(asc(schema.organisations.name));
  const reps = rows.length
    ? await db
        .select({
          organisationId: schema.contactRepresentatives.organisationId,
          name: schema.contactRepresentatives.name,
          email: schema.contactRepresentatives.email,
        })
        .from(schema.contactRepresentatives)
        .where(
          and(
            inArray(
              schema.contactRepresentatives.organisationId,
              rows.map((r) => r.c.organisationId),
            ),
            eq(schema.contactRepresentatives.active, true),
          ),
        )
    : [];
  return rows.map(({ c, organisationName, respondedBy, outageEndedAt }) => {
    const state = confirmationAnswerState(c, { endedAt: outageEndedAt }, now);
    return {
      organisationId: c.organisationId,
      organisationName,
      representatives: reps.filter((r) => r.organisationId === c.organisationId).map((r) => ({ name: r.name, email: r.email })),
      sentAt: c.sentAt,
      sendError: c.sendError,
      deadlineAt: c.deadlineAt,
      respondedAt: c.respondedAt,
      response: c.response,
      respondedBy,
      comment: c.comment,
      overdue: state === "forsenad",
      state,
    };
  });
}

/** What the link in the e-mail opens: the request, if the actor may answer it. */
export async function openConfirmation(db: Db, actor: Actor, token: string) {
  const [row] = await db
    .select({
      c: schema.contactConfirmations,
      organisationName: schema.organisations.name,
      organisationHsaId: schema.organisations.hsaId,
      regionId: schema.outages.regionId,
    })
    .from(schema.contactConfirmations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.contactConfirmations.organisationId))
    .innerJoin(schema.outages, eq(schema.outages.id, schema.contactConfirmations.outageId))
    .where(eq(schema.contactConfirmations.tokenHash, hash(token)));
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "Länken är ogiltig. Kontrollera att du använt hela länken i e-postmeddelandet." });
  const myRegion = await regionOfActor(db, actor);
  const mayAnswer = adminReach(actor.context.role) === "region" ? myRegion === row.regionId : actor.context.scopeHsaId === row.organisationHsaId;
  if (!mayAnswer) throw new AppError("FORBIDDEN", { userMessage: `Bekräftelsen gäller ${row.organisationName}. Logga in som kommunens företrädare.` });
  return {
    confirmationId: row.c.id,
    organisationId: row.c.organisationId,
    organisationName: row.organisationName,
    deadlineAt: row.c.deadlineAt,
    respondedAt: row.c.respondedAt,
    response: row.c.response,
  };
}

/** The representative confirms the entries as they are, or states that they corrected them. */
export async function answerConfirmation(
  db: Db,
  actor: Actor,
  input: { token: string; response: "bekraftad" | "korrigerad"; comment?: string | null },
  now = new Date(),
): Promise<void> {
  const open = await openConfirmation(db, actor, input.token);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(schema.contactConfirmations)
      .set({ respondedAt: now, response: input.response, respondedByStaffId: actor.staffId, comment: input.comment?.trim() || null })
      .where(eq(schema.contactConfirmations.id, open.confirmationId))
      .returning({ outageId: schema.contactConfirmations.outageId });
    const [outage] = await tx.select({ regionId: schema.outages.regionId }).from(schema.outages).where(eq(schema.outages.id, updated!.outageId));
    await writeAudit(tx, actor, {
      action: "admin.change",
      entityType: "contact_confirmation",
      entityId: open.confirmationId,
      details: { response: input.response },
    });
    await notifyChange(tx, { type: "outage.changed", regionId: outage!.regionId, outageId: updated!.outageId });
  });
}
