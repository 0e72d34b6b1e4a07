import { sql, type Db } from "@vardkedjan/db/client";
import { migrationStatus, type MigrationStatus } from "@vardkedjan/db/migration-status";

export interface HealthReport {
  ok: boolean;
  database: "ok" | "unreachable";
  migrations: MigrationStatus | null;
}

/** Database reachable and the migrations this build expects applied. */
export async function checkHealth(db: Db): Promise<HealthReport> {
  try {
    await db.execute(sql`select 1`);
  } catch {
    return { ok: false, database: "unreachable", migrations: null };
  }
  const migrations = await migrationStatus(db);
  return { ok: migrations.current, database: "ok", migrations };
}
