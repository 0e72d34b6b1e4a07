import { sql, type Db } from "@vardkedjan/db/client";

/** How many months ahead of the current one the log's partitions exist. */
export const AUDIT_MONTHS_AHEAD = 3;

/**
 * Creates this month's and the next months' partitions of the audit log where missing
 * (function audit_events_ensure_month, migration audit_events_partitioned). The default
 * partition catches any row in between, so a missed run never fails a write; creating a month
 * later moves such rows into it. Returns the names of the months created.
 */
export async function ensureAuditPartitions(db: Db, now: Date = new Date()): Promise<string[]> {
  const res = await db.execute<{ month: string }>(sql`
    select to_char(m, 'YYYY-MM') as month
    from generate_series(
      date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'Europe/Stockholm'),
      date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'Europe/Stockholm') + make_interval(months => ${AUDIT_MONTHS_AHEAD}),
      interval '1 month') m
    where audit_events_ensure_month(m::date)`);
  return res.rows.map((r) => r.month);
}
