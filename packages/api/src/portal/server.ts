import type { Portal } from "@vardkedjan/domain/identity/types";
import { startJobRunner, type JobRunner } from "../jobs/runner";
import { portalJobs } from "../jobs/portal-jobs";
import { createPortalContext } from "./context";
import type { PortalEnv } from "./env";
import { gate, requireSession } from "./gate";
import { logServerError } from "./log";
import { viewModels } from "./view-models";
import { prefetchQueries, type PrefetchOptions, type ServerTrpc } from "./prefetch";
import { authRoute } from "./routes/auth";
import { signInRoute } from "./routes/sign-in";
import { signOutRoute } from "./routes/sign-out";
import { chooseContextRoute } from "./routes/choose-context";
import { trpcRoute } from "./routes/trpc";
import { eventsRoute } from "./routes/events";
import { documentRoute } from "./routes/documents";
import { caseDocumentRoute } from "./routes/case-documents";
import { patientSummaryRoute } from "./routes/patient-summary";
import { healthRoute } from "./routes/health";
import { invoiceExportRoute } from "./routes/invoice-export";
import { reportCsvRoute } from "./routes/reports";

export type { PortalEnv };
export type { Gate } from "./gate";

/** One job runner per portal and database in a process, however often the server is created. */
const runners = new Map<string, JobRunner>();

/**
 * Everything a portal app needs on the server, created once per app from its environment: the
 * pages' gate and view models, the route handlers, the background jobs. Pages and route handlers
 * in the apps are one-liners over this; each concern has its room beside this file (context,
 * gate, view-models, with-actor, routes/…).
 */
export function createPortalServer(portal: Portal, rawEnv: Record<string, string | undefined>) {
  const ctx = createPortalContext(portal, rawEnv);

  return {
    portal,
    get env() {
      return ctx.env();
    },
    getSession: ctx.session,
    gate: () => gate(ctx),
    requireSession: () => requireSession(ctx),
    caller: ctx.caller,
    /**
     * A page's queries run on the server for its first HTML (prefetch.ts): pass what the page's
     * client component asks for, e.g. `(trpc) => [trpc.case.get.queryOptions({ caseId })]`, and give
     * the result to `PrefetchedQueries` around the component.
     */
    prefetch: (pick: (trpc: ServerTrpc) => readonly PrefetchOptions[]) => prefetchQueries(() => ctx.apiContext(null), pick),

    authRoute: authRoute(ctx),
    signInRoute: (req: Request) => signInRoute(ctx, req),
    signOutRoute: (req: Request) => signOutRoute(ctx, req),
    chooseContextRoute: (req: Request) => chooseContextRoute(ctx, req),
    trpcRoute: (req: Request) => trpcRoute(ctx, req),
    eventsRoute: (req: Request) => eventsRoute(ctx, req),
    documentRoute: (req: Request, name: string) => documentRoute(ctx, req, name),
    caseDocumentRoute: (req: Request, caseId: string, name: string) => caseDocumentRoute(ctx, req, caseId, name),
    patientSummaryRoute: (req: Request, caseId: string) => patientSummaryRoute(ctx, req, caseId),
    healthRoute: () => healthRoute(ctx),
    invoiceExportRoute: (req: Request, municipalityId: string, month: string, file: string) => invoiceExportRoute(ctx, req, municipalityId, month, file),
    reportCsvRoute: (req: Request, name: string) => reportCsvRoute(ctx, req, name),

    ...viewModels(ctx),

    /**
     * Starts this portal's background jobs (jobs/portal-jobs.ts), once per process: the app's
     * instrumentation calls it when the server starts, never a request. Each job runs in one
     * process at a time, whichever holds its lock (jobs/runner.ts).
     */
    startBackgroundJobs(): JobRunner {
      const jobs = portalJobs(portal, ctx.db, () => ({ mailer: ctx.mailer(), forvaltningUrl: ctx.env().portalUrls.forvaltning }));
      // A portal without jobs reads no environment here: it is validated on first use, as before.
      if (jobs.length === 0) return { stop: async () => undefined };
      const key = `${portal} ${ctx.env().databaseUrl}`;
      let runner = runners.get(key);
      if (!runner) {
        const started = startJobRunner(ctx.env().databaseUrl, jobs, { onError: (where, e) => logServerError(where, e) });
        runner = { stop: () => (runners.delete(key), started.stop()) };
        runners.set(key, runner);
      }
      return runner;
    },
  };
}

export type PortalServer = ReturnType<typeof createPortalServer>;
