import { sql } from "drizzle-orm";
import journal from "../drizzle/meta/_journal.json";
import type { DbOrTx } from "./client";

export interface MigrationStatus {
  current: boolean;
  applied: number;
  expected: number;
  latest: string | null;
}

/** Compares the applied migrations with the ones this build was made with (for /api/health). */
export async function migrationStatus(db: DbOrTx): Promise<MigrationStatus> {
  const expected = journal.entries.length;
  const last = journal.entries[journal.entries.length - 1];
  let applied = 0;
  let lastApplied: number | null = null;
  try {
    const res = await db.execute<{ n: string; last: string | null }>(
      sql`select count(*)::text as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    applied = Number(res.rows[0]?.n ?? 0);
    lastApplied = res.rows[0]?.last ? Number(res.rows[0].last) : null;
  } catch {
    applied = 0;
  }
  return {
    current: applied === expected && (last ? lastApplied === last.when : true),
    applied,
    expected,
    latest: last?.tag ?? null,
  };
}
