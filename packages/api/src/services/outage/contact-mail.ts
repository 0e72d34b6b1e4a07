import { schema, and, eq, isNotNull, type Db } from "@vardkedjan/db/client";
import { contactConfirmationDueNow } from "@vardkedjan/domain/outage/contact-confirmation";
import { OUTAGE_SYSTEM_LABELS } from "@vardkedjan/domain/outage/types";
import { createConfirmationRequests, mailConfirmationRequests } from "../contacts/confirmations";
import { sendToEach, type Mailer } from "../../mail/mailer";
import { outageEndedMail } from "../../mail/templates";
import { routineProfileFor } from "./profile";

/**
 * The contact-list confirmation requests of every ongoing outage the region's routine now covers
 * (domain/outage/contact-confirmation.ts): made once per kommun (a request already made is never
 * made again), then mailed after commit. Run by Förvaltning's background job, so an outage is
 * covered when it has lasted long enough, whether or not anyone has a page open.
 */
export async function requestDueConfirmations(db: Db, mailer: Mailer | null, forvaltningUrl: string, now = new Date()): Promise<number> {
  const ongoing = await db
    .select()
    .from(schema.outages)
    .where(and(eq(schema.outages.status, "pagaende"), eq(schema.outages.scope, "region")));
  let requested = 0;
  for (const o of ongoing) {
    const profile = await routineProfileFor(db, o.regionId);
    if (!contactConfirmationDueNow(profile, { scope: { kind: o.scope }, system: o.system, startedAt: o.startedAt, endedAt: o.endedAt }, now)) continue;
    const pending = await db.transaction(async (tx) => {
      // Ended meanwhile: nothing to ask.
      const [still] = await tx.select({ status: schema.outages.status }).from(schema.outages).where(eq(schema.outages.id, o.id)).for("update");
      return still?.status === "pagaende" ? createConfirmationRequests(tx, o.id, o.regionId, now) : [];
    });
    if (pending.length === 0) continue;
    requested += pending.length;
    await mailConfirmationRequests(db, mailer, pending, forvaltningUrl, OUTAGE_SYSTEM_LABELS[o.system]);
  }
  return requested;
}

/**
 * "Driften är återställd": once an outage has ended, the representatives of each kommun that was
 * asked to confirm the contact list are told, after commit. Returns the kommuner mailed (a failed
 * send is not retried: the outage is over and the page shows it).
 */
export async function mailOutageEnded(db: Db, mailer: Mailer | null, outageId: string): Promise<string[]> {
  const [outage] = await db
    .select({ o: schema.outages, regionName: schema.organisations.name })
    .from(schema.outages)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.outages.regionId))
    .where(eq(schema.outages.id, outageId));
  if (!outage?.o.endedAt || outage.o.status !== "avslutad") return [];
  const asked = await db
    .select({ organisationId: schema.contactConfirmations.organisationId, name: schema.organisations.name, email: schema.contactRepresentatives.email })
    .from(schema.contactConfirmations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.contactConfirmations.organisationId))
    .innerJoin(
      schema.contactRepresentatives,
      and(eq(schema.contactRepresentatives.organisationId, schema.contactConfirmations.organisationId), eq(schema.contactRepresentatives.active, true)),
    )
    .where(and(eq(schema.contactConfirmations.outageId, outageId), isNotNull(schema.contactConfirmations.sentAt)));
  const byOrg = new Map<string, { name: string; emails: string[] }>();
  for (const r of asked) (byOrg.get(r.organisationId) ?? byOrg.set(r.organisationId, { name: r.name, emails: [] }).get(r.organisationId)!).emails.push(r.email);
  const mailed: string[] = [];
  for (const o of byOrg.values()) {
    const error = await sendToEach(mailer, o.emails, () =>
      outageEndedMail({
        organisationName: o.name,
        regionName: outage.regionName,
        outageSystemLabel: OUTAGE_SYSTEM_LABELS[outage.o.system],
        endedAt: outage.o.endedAt!,
      }),
    );
    if (!error) mailed.push(o.name);
  }
  return mailed;
}
