import { cache } from "react";
import { redirect } from "next/navigation";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { createPortalAuth, type PortalAuth } from "@vardkedjan/auth";
import { createDb, type DbHandle } from "@vardkedjan/db/client";
import { createCaller } from "../root";
import { signIn as signInService } from "../services/identity/sign-in";
import { loadSession, chooseContext, endSession, type SessionView } from "../services/identity/session";
import { checkHealth } from "../services/system/health";
import { isAppError } from "../errors";
import { EventHub } from "../realtime/hub";
import { eventStream } from "../realtime/stream";
import { resolveScopeUnitIds } from "../services/workspace/scope";
import { actorOf } from "../services/identity/session";
import { patientSummaryPdf } from "../services/documents/patient-summary";
import { regionOfActor } from "../services/outage/region";
import { createSmtpMailer, type Mailer } from "../mail/mailer";
import { runIntegrationChecks } from "../services/outage/health-checks";
import { outageReportCsv } from "../services/outage/overview";
import { activeOutagesFor, type ActiveOutage } from "../services/outage/current";
import { renderPortalDocument, renderCaseDocument, DOCUMENT_NAMES, CASE_DOCUMENT_NAMES } from "../services/documents/outage-documents";
import { parsePortalEnv, type PortalEnv } from "./env";
import { handleTrpcRequest } from "./trpc-handler";
import { crossSiteRefused, forPage, forRoute, isSameOriginPost, refuseQueryInUrl } from "./requests";

export type { PortalEnv };

const databases = new Map<string, DbHandle>();
function dbFor(url: string): DbHandle {
  let h = databases.get(url);
  if (!h) {
    h = createDb(url);
    databases.set(url, h);
  }
  return h;
}

const hubs = new Map<string, EventHub>();
function hubFor(url: string): EventHub {
  let h = hubs.get(url);
  if (!h) {
    h = new EventHub(url);
    hubs.set(url, h);
  }
  return h;
}

const discovery = new Map<string, Promise<{ end_session_endpoint?: string }>>();
function endSessionEndpoint(issuer: string): Promise<string | undefined> {
  let p = discovery.get(issuer);
  if (!p) {
    p = fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)
      .then((r) => r.json() as Promise<{ end_session_endpoint?: string }>)
      .catch(() => ({}));
    discovery.set(issuer, p);
  }
  return p.then((d) => d.end_session_endpoint);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a logged-in person should be sent when they cannot work in this portal yet. */
export type Gate =
  | { kind: "ok"; session: SessionView & { activeContext: NonNullable<SessionView["activeContext"]> } }
  | { kind: "login" }
  | { kind: "choose"; session: SessionView }
  | { kind: "wrong-portal"; session: SessionView }
  | { kind: "no-access"; session: SessionView };

/**
 * Everything a portal app needs on the server, created once per app from its environment:
 * Auth.js, the tRPC endpoint, health, session and context handling. Pages and route handlers in
 * the apps are one-liners over this.
 */
export function createPortalServer(portal: Portal, rawEnv: Record<string, string | undefined>) {
  let env: PortalEnv | undefined;
  let auth: PortalAuth | undefined;
  const getEnv = () => (env ??= parsePortalEnv(rawEnv));
  const getDb = () => dbFor(getEnv().databaseUrl).db;
  const getAuth = () =>
    (auth ??= createPortalAuth({
      portal,
      issuer: getEnv().oidc.issuer,
      clientId: getEnv().oidc.clientId,
      clientSecret: getEnv().oidc.clientSecret,
      secret: getEnv().authSecret,
      acceptedLoa: getEnv().oidc.acceptedLoa,
      maxAgeSeconds: getEnv().sessionMaxAgeSeconds,
      secureCookies: getEnv().portalUrls[portal].startsWith("https:"),
      onSignIn: async ({ claims, idToken }) =>
        (await signInService(getDb(), { portal, claims, idToken, maxAgeSeconds: getEnv().sessionMaxAgeSeconds })).loginSessionId,
    }));

  let mailer: Mailer | null | undefined;
  const getMailer = () => (mailer ??= getEnv().mail ? createSmtpMailer(getEnv().mail!) : null);

  // Förvaltning checks the configured integrations' health every 30 s (one instance at a time).
  let checking: ReturnType<typeof setInterval> | undefined;
  const startHealthChecks = () => {
    if (portal !== "forvaltning" || checking) return;
    checking = setInterval(() => void runIntegrationChecks(getDb()).catch(() => undefined), 30_000);
    checking.unref?.();
  };

  const getSession = cache(
    (): Promise<SessionView | null> =>
      forPage("session", async () => {
        const s = await getAuth().auth();
        if (!s?.loginSessionId) return null;
        return loadSession(getDb(), s.loginSessionId, portal);
      }),
  );

  async function gate(): Promise<Gate> {
    const session = await getSession();
    if (!session) return { kind: "login" };
    if (session.activeContext) return { kind: "ok", session: session as Extract<Gate, { kind: "ok" }>["session"] };
    if (session.contexts.length > 0) return { kind: "choose", session };
    if (session.otherPortals.length > 0) return { kind: "wrong-portal", session };
    return { kind: "no-access", session };
  }

  const GATE_PATHS = { login: "/logga-in", choose: "/valj-sammanhang", "wrong-portal": "/fel-portal", "no-access": "/ingen-behorighet" } as const;

  /**
   * The portal's public origin (VK_URL_*), not the request's: behind a reverse proxy `req.url`
   * carries the listen address. Redirects, logout URIs and the same-origin check use it.
   */
  const publicOrigin = () => new URL(getEnv().portalUrls[portal]).origin;

  const sameOrigin = (req: Request): boolean => isSameOriginPost(req, publicOrigin());

  /** Paths inside this portal only: a `till` parameter never sends anyone elsewhere. */
  function safePath(p: string | null | undefined): string {
    return p && p.startsWith("/") && !p.startsWith("//") ? p : "/";
  }

  /** For the pages behind login: the session with an active context, or a redirect. */
  async function requireSession() {
    const g = await gate();
    if (g.kind !== "ok") redirect(GATE_PATHS[g.kind]);
    return g.session;
  }

  /** A tRPC caller for server components, bound to the current session. */
  async function caller() {
    return createCaller({ db: getDb(), portal, session: await getSession(), expectedContextId: null, mailer: getMailer(), portalUrls: getEnv().portalUrls });
  }

  /** The outages affecting the active context, once per request; a failure must not break the page. */
  const currentOutages = cache(async (): Promise<ActiveOutage[]> => {
    const session = await getSession();
    const actor = session ? actorOf(session) : null;
    if (!actor || actor.context.portal !== portal) return [];
    return activeOutagesFor(getDb(), actor).catch(() => []);
  });

  return {
    portal,
    get env() {
      return getEnv();
    },
    getSession,
    gate,

    requireSession,
    caller,

    authRoute: {
      GET: (req: Request) => getAuth().handlers.GET(req as never),
      POST: (req: Request) => getAuth().handlers.POST(req as never),
    },

    /** GET /logga-in: straight on to the identity provider. */
    async signInRoute(req: Request): Promise<Response> {
      const till = safePath(new URL(req.url).searchParams.get("till"));
      await getAuth().signIn("siths", { redirectTo: till });
      return new Response(null, { status: 204 });
    },

    /** POST /logga-ut: end our session, then the IdP's (RP-initiated logout). */
    async signOutRoute(req: Request): Promise<Response> {
      if (!sameOrigin(req)) return crossSiteRefused();
      return forRoute("logga-ut", async () => {
      const session = await getSession();
      const { idToken } = session ? await endSession(getDb(), session.loginSessionId, portal) : { idToken: null };
      await getAuth().signOut({ redirect: false });
      const base = publicOrigin();
      const endpoint = await endSessionEndpoint(getEnv().oidc.issuer);
      if (!endpoint) return Response.redirect(`${base}/utloggad`, 303);
      const url = new URL(endpoint);
      if (idToken) url.searchParams.set("id_token_hint", idToken);
      url.searchParams.set("client_id", getEnv().oidc.clientId);
      url.searchParams.set("post_logout_redirect_uri", `${base}/utloggad`);
      return Response.redirect(url.toString(), 303);
      });
    },

    /** POST /api/sammanhang: choose or switch context from a plain form (works without JS). */
    async chooseContextRoute(req: Request): Promise<Response> {
      if (!sameOrigin(req)) return crossSiteRefused();
      return forRoute("sammanhang", async () => {
        const base = publicOrigin();
        const session = await getSession();
        if (!session) return Response.redirect(`${base}/logga-in`, 303);
        const form = await req.formData();
        try {
          await chooseContext(getDb(), session, String(form.get("contextId") ?? ""));
        } catch (e) {
          if (isAppError(e)) return Response.redirect(`${base}/valj-sammanhang?fel=1`, 303);
          throw e;
        }
        return Response.redirect(`${base}${safePath(String(form.get("till") ?? "/"))}`, 303);
      });
    },

    trpcRoute(req: Request): Promise<Response> {
      const refused = refuseQueryInUrl(req);
      if (refused) return Promise.resolve(refused);
      return handleTrpcRequest(req, async () => {
        startHealthChecks();
        return {
          db: getDb(),
          portal,
          session: await getSession(),
          expectedContextId: req.headers.get("x-vk-context"),
          mailer: getMailer(),
          portalUrls: getEnv().portalUrls,
        };
      });
    },

    /** GET /api/events: live updates for the open page (server-sent events). */
    eventsRoute(req: Request): Promise<Response> {
      return forRoute("api/events", async () => {
        const session = await getSession();
        const actor = session ? actorOf(session) : null;
        if (!actor || actor.context.portal !== portal) return new Response("Inte inloggad", { status: 401 });
        const scope = await resolveScopeUnitIds(getDb(), actor.context);
        const regionId = await regionOfActor(getDb(), actor);
        const hub = hubFor(getEnv().databaseUrl);
        await hub.ready();
        return new Response(eventStream(hub, actor, scope, regionId, req.signal), {
          headers: {
            "content-type": "text/event-stream; charset=utf-8",
            "cache-control": "no-cache, no-transform",
            "x-accel-buffering": "no",
          },
        });
      });
    },

    /** GET /dokument/<name>: printable PDFs without patient data (contact list, blank forms, backup kit) and the outage report. */
    documentRoute(name: string, searchParams: URLSearchParams): Promise<Response> {
      return forRoute("dokument", async () => {
        const session = await getSession();
        const actor = session ? actorOf(session) : null;
        if (!actor || actor.context.portal !== portal) return Response.redirect(`${publicOrigin()}/logga-in`, 303);
        if (name === "driftstorningsrapport.csv") {
          const outageId = searchParams.get("driftstorning") ?? "";
          if (!/^[0-9a-f-]{36}$/i.test(outageId)) return new Response("Ange driftstörningen.", { status: 400 });
          // Authorised in the service (action outage.report); a refusal is answered 403 by forRoute.
          const csv = await outageReportCsv(getDb(), actor, outageId);
          return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="driftstorning-${outageId.slice(0, 8)}.csv"`, "cache-control": "no-store" } });
        }
        if (!(DOCUMENT_NAMES as readonly string[]).includes(name)) return new Response("Dokumentet finns inte.", { status: 404 });
        const pdf = await renderPortalDocument(getDb(), actor, name as (typeof DOCUMENT_NAMES)[number]);
        return new Response(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${name}"`, "cache-control": "no-store" } });
      });
    },

    /** GET /arenden/<id>/dokument/<name>: a case's printable documents (patient data: audited, never cached). */
    caseDocumentRoute(caseId: string, name: string): Promise<Response> {
      return forRoute(
        "arendedokument",
        async () => {
          const session = await getSession();
          const actor = session ? actorOf(session) : null;
          if (!actor || actor.context.portal !== portal) return Response.redirect(`${publicOrigin()}/logga-in`, 303);
          if (!UUID.test(caseId) || !(CASE_DOCUMENT_NAMES as readonly string[]).includes(name)) {
            return new Response("Dokumentet finns inte.", { status: 404 });
          }
          const { pdf, reference } = await renderCaseDocument(getDb(), actor, caseId, name as (typeof CASE_DOCUMENT_NAMES)[number]);
          return new Response(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${name.replace(".pdf", "")}-${reference}.pdf"`, "cache-control": "no-store" } });
        },
        { caseId },
      );
    },

    /** GET /arenden/<id>/sammanfattning.pdf: the patient's written summary (N18), never cached. */
    patientSummaryRoute(caseId: string): Promise<Response> {
      return forRoute(
        "sammanfattning",
        async () => {
          const session = await getSession();
          const actor = session ? actorOf(session) : null;
          if (!actor || actor.context.portal !== portal) return Response.redirect(`${publicOrigin()}/logga-in`, 303);
          if (!UUID.test(caseId)) return new Response("Ärendet finns inte.", { status: 404 });
          const { pdf, reference } = await patientSummaryPdf(getDb(), actor, caseId);
          return new Response(new Uint8Array(pdf), {
            headers: {
              "content-type": "application/pdf",
              // The file name carries the case reference only, never the patient's name or number.
              "content-disposition": `inline; filename="sammanfattning-${reference}.pdf"`,
              "cache-control": "no-store",
            },
          });
        },
        { caseId },
      );
    },

    async healthRoute(): Promise<Response> {
      try {
        const report = await checkHealth(getDb());
        return Response.json({ portal, ...report }, { status: report.ok ? 200 : 503 });
      } catch {
        return Response.json({ portal, ok: false, database: "unreachable", migrations: null }, { status: 503 });
      }
    },

    /** View models for the shared pages in @vardkedjan/ui (plain data, spread into the component). */
    async shellProps() {
      const session = await requireSession();
      return {
        portal,
        user: { name: session.name, title: session.title },
        contextLabel: session.activeContext.label.label,
        contextId: session.activeContext.id,
        canSwitchContext: session.contexts.length > 1,
        // The outage banner is in the first HTML of every page; the page then follows it live.
        outages: await currentOutages(),
      };
    },

    async chooserProps(searchParams: Promise<Record<string, string | string[] | undefined>>) {
      const session = await getSession();
      if (!session) redirect("/logga-in");
      if (session.contexts.length === 0) redirect(session.otherPortals.length > 0 ? "/fel-portal" : "/ingen-behorighet");
      const params = await searchParams;
      return { portal, name: session.name, contexts: session.contexts, activeId: session.activeContext?.id ?? null, error: params.fel === "1" };
    },

    async noAccessProps() {
      const session = await getSession();
      if (!session) redirect("/logga-in");
      return { portal, name: session.name, reasons: session.denialReasons };
    },

    async wrongPortalProps() {
      const session = await getSession();
      if (!session) redirect("/logga-in");
      if (session.otherPortals.length === 0) redirect("/ingen-behorighet");
      return { portal, name: session.name, targets: session.otherPortals.map((p) => ({ portal: p, url: getEnv().portalUrls[p] })) };
    },

    adminOverviewProps() {
      return forPage("forvaltning", async () => {
        const session = await requireSession();
        const data = await (await caller()).admin.overview();
        return { contextLabel: session.activeContext.label.label, data };
      });
    },
  };
}

export type PortalServer = ReturnType<typeof createPortalServer>;
