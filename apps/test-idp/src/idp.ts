/**
 * A local SITHS test identity provider on oidc-provider that behaves like Inera IdP's OpenID
 * Connect interface for the four portals:
 * authorization code + PKCE, the `claims` request parameter, acr = Sambi LoA, an opaque `sub`,
 * the HSA claim set in the id_token, SSO across portals and RP-initiated logout.
 */
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";

import type { DemoIdentity } from "@vardkedjan/db/demo-cast";
import Provider from "oidc-provider";
import type { Account, ClientMetadata, Configuration, FindAccount, JWK, KoaContextWithOIDC } from "oidc-provider";

import { AccountStore } from "./accounts.js";
import { ACR_VALUES, CLAIMS_CONFIG, employeeHsaIdOf, withoutProtocolClaims } from "./claims.js";
import { FormTooLarge, sendHtml } from "./http.js";
import { CLAIMS_REF, createInteractionHandler, type LoadedIdentity } from "./interaction.js";
import { createMemoryAdapterFactory } from "./memory-adapter.js";
import { dropUnverifiableIdTokenHint, localiseFormPostPage } from "./provider-tweaks.js";
import { CSP_NO_SCRIPT, logoutPageCsp, renderErrorPage, renderIndexPage, renderLogoutPage, renderPostLogoutPage } from "./pages.js";

export type { DemoIdentity };

/** A registered portal (OIDC client). */
export interface ClientConfig {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  /** Shown on the login page; defaults to client_id. */
  client_name?: string | undefined;
  /** Auth.js uses client_secret_basic unless told otherwise. */
  token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | undefined;
}

export interface TestIdpOptions {
  /** Origin the browser and the portals use, e.g. http://localhost:3010 (no path). */
  issuer: string;
  clients: ClientConfig[];
  identities: DemoIdentity[];
  /** Errors only; never claim values. Defaults to console.error. */
  logError?: ((message: string) => void) | undefined;
}

export interface TestIdp {
  readonly issuer: string;
  readonly server: http.Server;
  readonly provider: Provider;
  listen(port: number, host?: string): Promise<void>;
  close(): Promise<void>;
}

/** Authorization "errors" that are ordinary outcomes (the user cancelled, prompt=none without a session). */
const EXPECTED_AUTHORIZATION_OUTCOMES = new Set(["access_denied", "login_required", "consent_required", "interaction_required"]);

export async function createTestIdp(opts: TestIdpOptions): Promise<TestIdp> {
  const issuer = normaliseIssuer(opts.issuer);
  const logError = opts.logError ?? ((message: string) => console.error(`[test-idp] ${message}`));
  const identities = validateIdentities(opts.identities);
  const clients = validateClients(opts.clients);
  const clientNames = new Map(clients.map((c) => [c.client_id, c.client_name ?? c.client_id]));
  const accounts = new AccountStore();

  const findAccount: FindAccount = (ctx, sub, token) => {
    const oidc = ctx.oidc as KoaContextWithOIDC["oidc"] | undefined;
    const session = oidc?.session;
    // First request after our login (the resume): bind the login's claim set to this session.
    const ref = oidc?.result?.[CLAIMS_REF];
    if (typeof ref === "string" && session && oidc?.result?.login?.accountId === sub) {
      accounts.bind(ref, sub, session.uid);
    }
    const tokenSessionUid = (token as { sessionUid?: unknown } | undefined)?.sessionUid;
    const sessionUid = typeof tokenSessionUid === "string" ? tokenSessionUid : session?.uid;
    const claims = accounts.claimsFor(sub, sessionUid);
    if (!claims) return undefined;
    const account: Account = { accountId: sub, claims: () => ({ ...claims, sub }) };
    return account;
  };

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: clients.map(toClientMetadata),
    jwks: { keys: [generateSigningKey()] },
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      names: { session: "_vk_idp_session", interaction: "_vk_idp_interaction", resume: "_vk_idp_resume" },
    },
    claims: CLAIMS_CONFIG,
    // Auth.js builds the profile from the id_token, so scope-requested claims go there too.
    conformIdTokenClaims: false,
    acrValues: [...ACR_VALUES],
    responseTypes: ["code"],
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          const client = ctx.oidc.client;
          ctx.type = "html";
          ctx.set("Content-Security-Policy", logoutPageCsp());
          ctx.body = renderLogoutPage(form, client ? clientNames.get(client.clientId) : undefined);
        },
        postLogoutSuccessSource(ctx) {
          const client = ctx.oidc.client;
          ctx.type = "html";
          ctx.set("Content-Security-Policy", CSP_NO_SCRIPT);
          ctx.body = renderPostLogoutPage(client ? clientNames.get(client.clientId) : undefined);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount,
    // Our registered clients are first-party: consent is granted without asking.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const client = oidc.client;
      const account = oidc.account;
      if (!client || !account) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== account.accountId || grant.clientId !== client.clientId) {
        grant = new oidc.provider.Grant({ accountId: account.accountId, clientId: client.clientId });
      }
      grant.addOIDCScope(oidc.requestParamOIDCScopes);
      grant.addOIDCClaims(oidc.requestParamClaims);
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.set("Content-Security-Policy", CSP_NO_SCRIPT);
      ctx.body = renderErrorPage(out.error, out.error_description);
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 10 * 60 * 60,
      Grant: 10 * 60 * 60,
    },
  };

  const provider = new Provider(issuer, configuration);
  // An https issuer in front of this plain-http server means a TLS-terminating proxy.
  if (issuer.startsWith("https:")) provider.proxy = true;
  provider.use(localiseFormPostPage);
  provider.use(dropUnverifiableIdTokenHint(provider));

  provider.on("server_error", (_ctx, err) => logError(`serverfel: ${describeError(err)}`));
  // Client-side protocol errors (bad redirect_uri, wrong secret …) help when wiring up a portal.
  provider.on("authorization.error", (_ctx, err) => {
    if (!EXPECTED_AUTHORIZATION_OUTCOMES.has((err as { error?: string }).error ?? "")) {
      logError(`authorization.error: ${describeError(err)}`);
    }
  });
  provider.on("grant.error", (_ctx, err) => logError(`grant.error: ${describeError(err)}`));
  provider.on("end_session.error", (_ctx, err) => logError(`end_session.error: ${describeError(err)}`));
  provider.on("userinfo.error", (_ctx, err) => logError(`userinfo.error: ${describeError(err)}`));
  provider.on("end_session.success", (ctx) => {
    const session = ctx.oidc.session as { uid: string; destroyed?: boolean } | undefined;
    if (session?.destroyed) accounts.forgetSession(session.uid);
  });

  const providerCallback = provider.callback();
  const handleInteraction = createInteractionHandler({ provider, accounts, identities, clientNames });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";

    if (pathname === "/" && (method === "GET" || method === "HEAD")) {
      return sendHtml(
        res,
        200,
        renderIndexPage({
          issuer,
          identityCount: identities.length,
          clients: clients.map((c) => ({
            clientId: c.client_id,
            clientName: c.client_name ?? c.client_id,
            redirectUris: c.redirect_uris,
          })),
        }),
      );
    }
    if (pathname === "/health" && (method === "GET" || method === "HEAD")) {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ status: "ok", issuer, identities: identities.length, clients: clients.length }));
      return;
    }
    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?\/?$/.exec(pathname);
    if (interaction) {
      return handleInteraction(req, res, interaction[1]!, interaction[2]);
    }
    return providerCallback(req, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof FormTooLarge) {
        if (!res.headersSent) sendHtml(res, 413, renderErrorPage("invalid_request", "Formuläret är för stort."));
        return;
      }
      logError(`fel i ${req.method ?? "?"} ${new URL(req.url ?? "/", "http://localhost").pathname}: ${describeError(err)}`);
      if (!res.headersSent) sendHtml(res, 500, renderErrorPage("server_error", undefined));
      else res.end();
    });
  });

  return {
    issuer,
    server,
    provider,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once("error", onError);
        server.listen(port, host, () => {
          server.off("error", onError);
          resolve();
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------

function validateIdentities(identities: DemoIdentity[]): LoadedIdentity[] {
  const seen = new Set<string>();
  return identities.map((identity, index) => {
    const label = `identitet ${index} (${identity.key || "utan nyckel"})`;
    if (!identity.key) throw new Error(`Test-IdP: ${label} saknar key.`);
    if (seen.has(identity.key)) throw new Error(`Test-IdP: ${label}: key förekommer två gånger.`);
    seen.add(identity.key);
    const employeeHsaId = employeeHsaIdOf(identity.claims);
    if (!employeeHsaId) throw new Error(`Test-IdP: ${label} saknar claim employeeHsaId.`);
    return {
      key: identity.key,
      displayName: identity.displayName,
      title: identity.title,
      region: identity.region,
      claims: withoutProtocolClaims(identity.claims),
      employeeHsaId,
    };
  });
}

function validateClients(clients: ClientConfig[]): ClientConfig[] {
  if (clients.length === 0) throw new Error("Test-IdP: minst en klient måste vara registrerad.");
  const ids = new Set<string>();
  for (const c of clients) {
    if (ids.has(c.client_id)) throw new Error(`Test-IdP: klient ${c.client_id} förekommer två gånger.`);
    ids.add(c.client_id);
  }
  return clients;
}

function normaliseIssuer(value: string): string {
  const url = new URL(value);
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`Test-IdP: issuer ska vara en ren origin utan sökväg, t.ex. http://localhost:3010 (fick ${value}).`);
  }
  return url.origin;
}

function toClientMetadata(c: ClientConfig): ClientMetadata {
  return {
    client_id: c.client_id,
    client_secret: c.client_secret,
    client_name: c.client_name ?? c.client_id,
    redirect_uris: c.redirect_uris,
    post_logout_redirect_uris: c.post_logout_redirect_uris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: c.token_endpoint_auth_method ?? "client_secret_basic",
    id_token_signed_response_alg: "RS256",
  };
}

/** A fresh RS256 signing key per start; the JWKS endpoint publishes its public half. */
function generateSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as { kty: string; n: string; e: string } & Record<string, string>;
  // RFC 7638 thumbprint as kid.
  const thumbprint = createHash("sha256")
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest("base64url");
  return { ...jwk, kid: thumbprint, alg: "RS256", use: "sig" } as JWK;
}

/** Error text for the log: name, message and OIDC error fields, never request data or claims. */
function describeError(err: unknown): string {
  if (err instanceof Error) {
    const oidc = err as Error & { error?: string; error_description?: string };
    const detail = oidc.error ? `${oidc.error}${oidc.error_description ? ` – ${oidc.error_description}` : ""}` : err.message;
    return `${err.name}: ${detail}${oidc.error ? "" : `\n${err.stack ?? ""}`}`;
  }
  return String(err);
}
