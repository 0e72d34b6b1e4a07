import { sql, type DbOrTx } from "@vardkedjan/db/client";

/**
 * What changed, for live updates across portals and processes. Ids only: never patient data
 * (the payload travels through PostgreSQL NOTIFY and into browsers of other units).
 */
export type RealtimeEvent =
  | { type: "case.changed"; caseId: string; unitIds: string[]; messageId?: string; kind?: string }
  | { type: "outage.changed"; regionId: string; outageId: string };

export const CHANNEL = "vk_events";

/**
 * Queues an event in the current transaction. PostgreSQL delivers NOTIFY on commit only, so a
 * rolled-back change never reaches anyone — and every portal process, on any host, hears it.
 */
export async function notifyChange(tx: DbOrTx, event: RealtimeEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
}
