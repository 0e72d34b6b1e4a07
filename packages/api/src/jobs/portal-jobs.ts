import type { Db } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { runIntegrationChecks } from "../services/outage/health-checks";
import { ensureAuditPartitions } from "../services/admin/audit/partitions";
import { detectAuditFlags } from "../services/admin/audit/flags";
import { requestDueConfirmations } from "../services/outage/contact-mail";
import type { Mailer } from "../mail/mailer";
import { runPaymentRecomputations } from "../services/payment/recompute";
import { reconcileUncheckedPatients } from "../services/patient/reconcile";
import { worklistChangesPruneJob } from "../services/case/worklist-page-cache";
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
 * The contact-list confirmation requests, every 30 s: an outage the region's routine covers gets
 * them once it has lasted long enough (services/outage/contact-mail.ts), mailed with a link to
 * Förvaltning.
 */
export function contactConfirmationsJob(db: () => Db, mail: () => { mailer: Mailer | null; forvaltningUrl: string }): Job {
  return {
    name: "contact-list-confirmations",
    everyMs: 30_000,
    run: () => requestDueConfirmations(db(), mail().mailer, mail().forvaltningUrl),
  };
}

/**
 * A region's stored payment days judged again after a new agreement version, every five seconds
 * while one is pending (services/payment/recompute.ts): the save does not wait for it.
 */
export function paymentRecomputationJob(db: () => Db): Job {
  return { name: "payment-recomputation", everyMs: 5_000, run: () => runPaymentRecomputations(db()) };
}

/**
 * Hand-registered patients against the population register, every five minutes: those it now knows
 * are reconciled, the flag "Ej kontrollerad mot folkbokföringen" cleared (services/patient/reconcile.ts).
 */
export function registerReconciliationJob(db: () => Db): Job {
  return { name: "register-reconciliation", everyMs: 5 * 60_000, run: () => reconcileUncheckedPatients(db()) };
}

/**
 * The background jobs a portal's process runs. Slutenvård, where patients are registered,
 * reconciles hand-registered patients with the population register. Förvaltning, where
 * integrations are configured, checks their health; it also keeps the audit log's partitions
 * ahead, flags accesses for log review, asks the kommuner to confirm the contact list when an
 * outage calls for it, and recomputes payment days after an agreement changes (agreements are
 * saved there).
 */
export function portalJobs(portal: Portal, db: () => Db, mail: () => { mailer: Mailer | null; forvaltningUrl: string }): Job[] {
  // Every portal clears the worklists' old change rows (one at a time, by the job's lock), so that
  // it runs wherever worklists are read, whichever portals an installation runs.
  const everywhere = [worklistChangesPruneJob(db)];
  if (portal === "slutenvard") return [registerReconciliationJob(db), ...everywhere];
  return portal === "forvaltning"
    ? [integrationChecksJob(db), auditPartitionsJob(db), auditFlagsJob(db), contactConfirmationsJob(db, mail), paymentRecomputationJob(db), ...everywhere]
    : everywhere;
}
