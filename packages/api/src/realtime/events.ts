import { sql, type DbOrTx } from "@vardkedjan/db/client";

/**
 * What changed, for live updates across portals and processes. Ids only: never patient data
 * (the payload travels through PostgreSQL NOTIFY and into browsers of other units).
 *
 * `unitIds` are the units that may hear of the change. For a message, the sender computes them
 * with the case view's rules (domain `messageAudience`) and adds the sender and recipients, so a
 * stream can apply the person-level rule too (hemtjänst hears only of its own messages).
 */
export type RealtimeEvent =
  | {
      type: "case.changed";
      caseId: string;
      unitIds: string[];
      messageId?: string;
      kind?: string;
      senderUnitId?: string;
      recipientUnitIds?: string[];
    }
  | { type: "outage.changed"; regionId: string; outageId: string };

export const CHANNEL = "vk_events";

/**
 * Queues an event in the current transaction. PostgreSQL delivers NOTIFY on commit only, so a
 * rolled-back change never reaches anyone — and every portal process, on any host, hears it.
 * A case event reaches only parties that see the case (a receiving party from the first message
 * addressed to it), whoever queues it: the one check for every writer.
 */
export async function notifyChange(tx: DbOrTx, event: RealtimeEvent): Promise<void> {
  let out = event;
  if (event.type === "case.changed" && event.unitIds.length > 0) {
    const seeing = await tx.execute<{ unit_id: string }>(sql`
      select unit_id::text as unit_id from case_parties
      where case_id = ${event.caseId} and visible_from is not null and removed_at is null`);
    const visible = new Set(seeing.rows.map((r) => r.unit_id));
    out = { ...event, unitIds: event.unitIds.filter((u) => visible.has(u)) };
  }
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(out)})`);
}
