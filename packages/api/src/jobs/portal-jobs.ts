import type { Db } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { runIntegrationChecks } from "../services/outage/health-checks";
import type { Job } from "./runner";

/**
 * The configured integrations' health, every 30 s: one that has failed for a minute proposes an
 * outage for an administrator to confirm (services/outage/health-checks.ts).
 */
export function integrationChecksJob(db: () => Db): Job {
  return { name: "integration-health-checks", everyMs: 30_000, run: () => runIntegrationChecks(db()) };
}

/** The background jobs a portal's process runs. Förvaltning, where integrations are configured, checks their health. */
export function portalJobs(portal: Portal, db: () => Db): Job[] {
  return portal === "forvaltning" ? [integrationChecksJob(db)] : [];
}
