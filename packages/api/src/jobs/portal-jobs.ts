import type { Db } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { runIntegrationChecks } from "../services/outage/health-checks";
import { ensureAuditPartitions } from "../services/admin/audit/partitions";
import { detectAuditFlags } from "../services/admin/audit/flags";
import type { Job } from "./runner";

/**
 * The configured integrations' health, every 30 s: one that has failed for a minute proposes an
 * outage for an administrator to confirm (services/outage/health-checks.ts).
 */
export function integrationChecksJob(db: () => Db): Job {
  return { name: "integration-health-checks", everyMs: 30_000, run: () => runIntegrationChecks(db()) };
}

/**
 * The audit log's months ahead, every six hours: a partition exists before its month begins
 * (services/admin/audit/partitions.ts).
 */
export function auditPartitionsJob(db: () => Db): Job {
  return { name: "audit-partitions", everyMs: 6 * 60 * 60_000, run: () => ensureAuditPartitions(db()) };
}

/** The log review's automatic flags, every minute, over what was logged since the last run. */
export function auditFlagsJob(db: () => Db): Job {
  return { name: "audit-flags", everyMs: 60_000, run: () => detectAuditFlags(db()) };
}

/**
 * The background jobs a portal's process runs. Förvaltning, where integrations are configured,
 * checks their health; it also keeps the audit log's partitions ahead and flags accesses for
 * log review.
 */
export function portalJobs(portal: Portal, db: () => Db): Job[] {
  return portal === "forvaltning" ? [integrationChecksJob(db), auditPartitionsJob(db), auditFlagsJob(db)] : [];
}
