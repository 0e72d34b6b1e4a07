import { PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * Runs once when this portal's server starts: its background jobs start here, never from a
 * request (each runs in one portal process at a time, see @vardkedjan/api's jobs). Not while
 * `next build` collects pages (no environment there), and not in the edge runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { portal } = await import("@/server");
  portal.startBackgroundJobs();
}
