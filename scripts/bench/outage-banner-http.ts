// The outage banner on 1,000 open pages over HTTP, through the real portals: each page a login
// session of its own (copies of the demo cast's sessions in the region, in every portal, with the
// Auth.js cookie the portal issues for it), each holding the portal's live-update stream
// (`/api/events`, server-sent events) and doing what the page does when the stream says "outage"
// (packages/ui/src/outage/outage-event-queries.ts): taking the outage state the event carries, or,
// when it carries none, refetching `outage.current` through tRPC with its cookie and context
// header. The figure is the worst time from "Starta driftstörning" (the declare call through
// Förvaltning's portal) to a page holding the outage state with the outage in it. The CPU time
// the portals, PostgreSQL and this load generator spent meanwhile is printed beside it: on a
// shared machine the wall time depends on the neighbours, the CPU time much less.
//
// Run alone with `npx tsx scripts/bench/outage-banner-http.ts` (needs a build: `npm start` or the
// browser tests make one; a fresh database with the demo data; ports moved by VK_E2E_PORT_OFFSET,
// default 3000). For comparison, `VK_BENCH_BANNER_REFETCH=current` makes every page refetch
// `outage.current` after the event (the page before events carried the state), `=contacts` the
// contact list too (the page before it refetched only the outage views). The national benchmark
// calls `benchBannerOverHttp` on its own running system.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createDb } from "@vardkedjan/db/client";
import { demoCast } from "@vardkedjan/db/seed";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import { demoActor } from "@vardkedjan/api/seed/actors";
import { signIn } from "@vardkedjan/api/services/identity/sign-in";
import { loadSession, actorOf } from "@vardkedjan/api/services/identity/session";
import { regionOfActor } from "@vardkedjan/api/services/outage/region";
import { ROOT, portsFromEnv, startSystem, type RunningSystem } from "../lib/system";
import { processTree } from "./national-memory";
import { sessionPerPage } from "./outage-scale";

export interface BannerFigures {
  pages: number;
  /** The outage declared (still ongoing). */
  outageId: string;
  /** Declare call sent → the last page holding the outage state (its event, and its refetch when it makes one). */
  worstMs: number;
  medianMs: number;
  /** Declare call sent → the last page's stream delivered the event. */
  heardWorstMs: number;
  declareMs: number;
  /** CPU spent from the declare to the last answer: the portals with their children, PostgreSQL, this process. */
  cpuMs: { portals: number; postgres: number; loadGenerator: number };
  perPortal: Partial<Record<Portal, number>>;
}

const PORTALS: Portal[] = ["slutenvard", "primarvard", "kommun", "forvaltning"];
const TICK_MS = 1000 / 100;

/** CPU time so far of the system's processes and their children (PostgreSQL's backends, a portal's workers), per process. */
function processCpu(rootPids: number[]): Map<number, { command: string; ms: number }> {
  const out = new Map<number, { command: string; ms: number }>();
  for (const pid of processTree(rootPids)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, { command: readFileSync(`/proc/${pid}/cmdline`, "utf8"), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      /* gone */
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The cookie a portal sets for a login session (Auth.js JWT carrying only the session id, packages/auth). */
function sessionCookie(portal: Portal, loginSessionId: string, secret: string): Promise<string> {
  const name = `vk-${portal}.session`;
  return encode({ token: { sid: loginSessionId, sub: loginSessionId }, secret, salt: name, maxAge: 3600 }).then((jwt) => `${name}=${jwt}`);
}

async function trpc(url: string, cookie: string, contextId: string | null, procedures: string[], input?: unknown) {
  const body = Object.fromEntries(procedures.map((_, i) => [i, input === undefined ? {} : { json: input }]));
  const res = await fetch(`${url}/api/trpc/${procedures.join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url, ...(contextId ? { "x-vk-context": contextId } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: unknown }[];
  const failed = json.find((r) => r.error);
  if (failed) throw new Error(`${procedures.join(",")}: ${JSON.stringify(failed.error).slice(0, 300)}`);
  return json.map((r) => r.result?.data?.json);
}

export async function benchBannerOverHttp(
  system: RunningSystem,
  authSecret: string,
  opts: { pages?: number; portals?: Portal[]; refetch?: "none" | "current" | "contacts"; log?: (line: string) => void } = {},
): Promise<BannerFigures> {
  const pages = opts.pages ?? 1000;
  const portals = opts.portals ?? PORTALS;
  const log = opts.log ?? ((line: string) => console.log(line));
  const h = createDb(system.databaseUrl, { max: 2 });
  const controllers: AbortController[] = [];
  try {
    // Real login sessions of the region's people, through the sign-in service the portals use.
    const asaActor = await demoActor(h.db, "asa.berg", "forvaltning");
    const region = await regionOfActor(h.db, asaActor);
    const sessions: { loginSessionId: string; portal: Portal }[] = [];
    for (const member of demoCast)
      for (const portal of portals) {
        const { loginSessionId } = await signIn(h.db, { portal, claims: { ...member.claims, acr: LOA3 }, maxAgeSeconds: 3600 });
        const view = await loadSession(h.db, loginSessionId, portal);
        const actor = view && actorOf(view);
        if (actor && (await regionOfActor(h.db, actor)) === region) sessions.push({ loginSessionId, portal });
      }
    if (sessions.length === 0) throw new Error("Inga sessioner i regionen");
    const pageSessions = await sessionPerPage(h.db, sessions, pages);
    const asaSession = await signIn(h.db, {
      portal: "forvaltning",
      claims: { ...demoCast.find((m) => m.key === "asa.berg")!.claims, acr: LOA3 },
      maxAgeSeconds: 3600,
    });
    const asaCookie = await sessionCookie("forvaltning", asaSession.loginSessionId, authSecret);
    const asaContext = (await loadSession(h.db, asaSession.loginSessionId, "forvaltning"))!.activeContext!.id;

    let declaredAt = 0;
    const heard: number[] = [];
    const answered: number[] = [];
    const perPortal: Partial<Record<Portal, number>> = {};
    const failures: string[] = [];
    let resolveAll!: () => void;
    const allDone = new Promise<void>((r) => (resolveAll = r));
    const finished = () => {
      if (answered.length + failures.length === pages) resolveAll();
    };
    // Open the pages' streams a hundred at a time, as pages load over a morning, not all in one burst.
    for (let from = 0; from < pages; from += 100) {
      await Promise.all(
        pageSessions.slice(from, from + 100).map(async ({ loginSessionId, portal }) => {
          const url = system.urls[portal];
          const cookie = await sessionCookie(portal, loginSessionId, authSecret);
          const contextId = (await loadSession(h.db, loginSessionId, portal))?.activeContext?.id ?? null;
          const ac = new AbortController();
          controllers.push(ac);
          const res = await fetch(`${url}/api/events`, { headers: { cookie }, signal: ac.signal });
          if (!res.ok || !res.body) throw new Error(`${portal} /api/events: HTTP ${res.status}`);
          const reader = res.body.getReader();
          const dec = new TextDecoder();
          let buf = "";
          // Connected once the stream's first comment has arrived.
          while (!buf.includes("ansluten")) {
            const { value, done } = await reader.read();
            if (done) throw new Error(`${portal} /api/events stängdes`);
            buf += dec.decode(value);
          }
          void (async () => {
            try {
              for (;;) {
                const { value, done } = await reader.read();
                if (done) throw new Error("strömmen stängdes");
                buf += dec.decode(value);
                if (declaredAt && /event: outage\ndata: .*\n/.test(buf)) break;
              }
              heard.push(performance.now() - declaredAt);
              const data = /event: outage\ndata: (.*)\n/.exec(buf)?.[1];
              let current = data ? (JSON.parse(data) as { current?: unknown[] }).current : undefined;
              if (!current || (opts.refetch ?? "none") !== "none") {
                const procedures = opts.refetch === "contacts" ? ["outage.current", "contacts.list"] : ["outage.current"];
                [current] = (await trpc(url, cookie, contextId, procedures)) as [unknown[]];
              }
              if (!Array.isArray(current) || current.length === 0) throw new Error("sidan fick ingen driftstörning");
              answered.push(performance.now() - declaredAt);
              perPortal[portal] = Math.max(perPortal[portal] ?? 0, performance.now() - declaredAt);
            } catch (e) {
              if (!ac.signal.aborted) failures.push(`${portal}: ${(e as Error).message}`);
            } finally {
              finished();
            }
          })();
        }),
      );
    }
    log(`  ${pages} sidor har sin händelseström öppen (${[...new Set(pageSessions.map((s) => s.portal))].join(", ")})`);
    await new Promise((r) => setTimeout(r, 2000));

    const cpu0 = { processes: processCpu(system.pids()), self: process.cpuUsage() };
    declaredAt = performance.now();
    const [declared] = (await trpc(system.urls.forvaltning, asaCookie, asaContext, ["outage.declare"], {
      system: "journalsystem",
      scope: "region",
      message: "Mätning",
      idempotencyKey: `bench-banner-http-${Date.now()}`,
    })) as [{ outageId: string }];
    const declareMs = performance.now() - declaredAt;
    await Promise.race([allDone, new Promise((r) => setTimeout(r, 60_000))]);
    const self = process.cpuUsage(cpu0.self);
    const cpuMs = { portals: 0, postgres: 0, loadGenerator: (self.user + self.system) / 1000 };
    for (const [pid, p] of processCpu(system.pids())) {
      const spent = p.ms - (cpu0.processes.get(pid)?.ms ?? 0);
      if (p.command.includes("postgres")) cpuMs.postgres += spent;
      else if (p.command.includes("next")) cpuMs.portals += spent;
    }
    if (failures.length) throw new Error(`${failures.length} sidor misslyckades, t.ex. ${failures[0]}`);
    if (answered.length < pages) throw new Error(`${answered.length} av ${pages} sidor fick driftstörningen inom en minut`);
    return {
      pages,
      outageId: declared.outageId,
      worstMs: Math.max(...answered),
      medianMs: median(answered),
      heardWorstMs: Math.max(...heard),
      declareMs,
      cpuMs,
      perPortal,
    };
  } finally {
    for (const c of controllers) c.abort();
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".data/bench-banner-"));
  const offset = Number(process.env.VK_E2E_PORT_OFFSET ?? 3000) || 0;
  const system = await startSystem({ dataDir: dir, ...portsFromEnv({}, offset), skipBuild: true, childOutput: "quiet", log: () => undefined });
  try {
    const portals = process.env.VK_BENCH_BANNER_PORTALS?.split(",") as Portal[] | undefined;
    const f = await benchBannerOverHttp(system, readFileSync(path.join(dir, "auth-secret"), "utf8").trim(), {
      portals,
      refetch: (process.env.VK_BENCH_BANNER_REFETCH as "current" | "contacts" | undefined) ?? "none",
    });
    console.log(
      `Driftstörningen startad på ${Math.round(f.declareMs)} ms; sista sidan hörde händelsen efter ${Math.round(f.heardWorstMs)} ms; värst per portal ${JSON.stringify(
        Object.fromEntries(Object.entries(f.perPortal).map(([k, v]) => [k, Math.round(v)])),
      )}`,
    );
    console.log(
      `CPU under utskicket: portalerna ${Math.round(f.cpuMs.portals)} ms, PostgreSQL ${Math.round(f.cpuMs.postgres)} ms, lastgeneratorn ${Math.round(f.cpuMs.loadGenerator)} ms`,
    );
    const ok = f.worstMs <= 1000;
    console.log(
      `${ok ? "✔" : "✖"} outage banner over HTTP, ${f.pages.toLocaleString("en")} pages with the outage state (worst): ${Math.round(f.worstMs)} ms (≤ 1000 ms)`,
    );
    console.log(`  median ${Math.round(f.medianMs)} ms`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
