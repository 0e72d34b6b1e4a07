/**
 * The whole authorization-code + PKCE flow against the test IdP in-process, with plain fetch and a
 * hand-made cookie jar, as Auth.js (and a browser) would drive it.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";

import { SignJWT, createRemoteJWKSet, generateKeyPair, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { opaqueSubject } from "./accounts.js";
import { LOA2, LOA3 } from "./claims.js";
import { createTestIdp, type ClientConfig, type DemoIdentity, type TestIdp } from "./idp.js";

// ---------------------------------------------------------------------------------------------
// Fixtures (fictitious; Inera test-catalogue HSA-ids, Skatteverket test personnummer)

const SANNA_HSA_ID = "TSTNMT2321000156-1001";
const commission = {
  commissionHsaId: "TSTNMT2321000156-C012",
  commissionName: "Vård och behandling avd 12",
  commissionPurpose: "Vård och behandling",
  commissionRights: [{ activity: "Läsa", informationClass: "alla", scope: "SJF" }],
  healthCareUnitHsaId: "TSTNMT2321000156-U012",
  healthCareUnitName: "Avd 12 Medicin",
  healthCareProviderHsaId: "TSTNMT2321000156-VG1",
  healthCareProviderName: "Region Test",
  healthCareProviderOrgNo: "2321000016",
};
const identities: DemoIdentity[] = [
  {
    key: "sanna.sjoberg",
    displayName: "Sanna Sjöberg",
    title: "Sjuksköterska, Avd 12 Medicin",
    region: "Region Test",
    claims: {
      employeeHsaId: SANNA_HSA_ID,
      given_name: "Sanna",
      family_name: "Sjöberg",
      personalIdentityNumber: "191212121212",
      title: "Sjuksköterska",
      systemRole: ["RJH;LINK"],
      paTitleCode: ["203090"],
      healthcareProfessionalLicense: ["Sjuksköterska"],
      allCommissions: [commission],
    },
  },
  {
    key: "kalle.kommun",
    displayName: "Kalle Kommunsson",
    title: "Biståndshandläggare",
    region: "Teststads kommun",
    claims: { employeeHsaId: "TSTNMT2120000000-2002", given_name: "Kalle", family_name: "Kommunsson" },
  },
];

const WARD = "http://localhost:39001";
const MUNI = "http://localhost:39003";
const clients: ClientConfig[] = [
  {
    client_id: "vk-slutenvard",
    client_secret: "dev-secret-slutenvard",
    client_name: "Vårdkedjan Slutenvård",
    redirect_uris: [`${WARD}/api/auth/callback/siths`],
    post_logout_redirect_uris: [`${WARD}/`],
  },
  {
    client_id: "vk-kommun",
    client_secret: "dev-secret-kommun",
    redirect_uris: [`${MUNI}/api/auth/callback/siths`],
    post_logout_redirect_uris: [`${MUNI}/`],
    token_endpoint_auth_method: "client_secret_post",
  },
];
const [ward, muni] = clients as [ClientConfig, ClientConfig];

/** The claims parameter the portals send. */
const CLAIMS_PARAM = {
  id_token: {
    acr: { essential: true, values: [LOA3, LOA2] },
    employeeHsaId: { essential: true },
    allCommissions: null,
  },
};

// ---------------------------------------------------------------------------------------------
// A tiny browser: one cookie jar for the IdP origin, redirects followed by hand.

interface Cookie {
  name: string;
  value: string;
  path: string;
}

class Browser {
  #cookies = new Map<string, Cookie>();

  constructor(private readonly origin: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers = new Headers(init.headers);
    if (target.origin === this.origin) {
      const cookie = [...this.#cookies.values()]
        .filter((c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`) || c.path === "/")
        .map((c) => `${c.name}=${c.value}`)
        .join("; ");
      if (cookie) headers.set("cookie", cookie);
    }
    const res = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) this.#store(line);
    return res;
  }

  get(url: string) {
    return this.request(url);
  }

  postForm(url: string, form: Record<string, string>) {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  }

  hasCookie(name: string): boolean {
    return [...this.#cookies.values()].some((c) => c.name === name);
  }

  #store(line: string): void {
    const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = "/";
    let expired = value === "";
    for (const attribute of attributes) {
      const [key = "", val = ""] = attribute.split("=");
      if (key.toLowerCase() === "path") path = val;
      if (key.toLowerCase() === "expires" && Date.parse(val) < Date.now()) expired = true;
      if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
    }
    const key = `${name}|${path}`;
    if (expired) this.#cookies.delete(key);
    else this.#cookies.set(key, { name, value, path });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

let idp: TestIdp;
let issuer: string;
let discovery: {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  userinfo_endpoint: string;
};
const errorsLogged: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function location(res: Response): string {
  const value = res.headers.get("location");
  if (!value) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(value, issuer).toString();
}

interface PendingAuthorization {
  client: ClientConfig;
  state: string;
  nonce: string;
  verifier: string;
  /** The IdP's answer to the authorize request. */
  response: Response;
}

async function authorize(browser: Browser, client: ClientConfig, extra: Record<string, string> = {}): Promise<PendingAuthorization> {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const url = new URL(discovery.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: client.client_id,
    response_type: "code",
    scope: "openid profile",
    redirect_uri: client.redirect_uris[0]!,
    state,
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    claims: JSON.stringify(CLAIMS_PARAM),
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await browser.get(url.toString());
  return { client, state, nonce, verifier, response };
}

/** Follows redirects (and oidc-provider's auto-submitting form pages) until the client's redirect_uri. */
async function followToClient(browser: Browser, first: Response, client: ClientConfig): Promise<URL> {
  let res = first;
  for (let hop = 0; hop < 10; hop++) {
    if (res.status >= 300 && res.status < 400) {
      const next = location(res);
      if (next.startsWith(client.redirect_uris[0]!)) return new URL(next);
      res = await browser.get(next);
      continue;
    }
    const html = await res.text();
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
    if (res.status === 200 && form) {
      const inputs = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
      res = await browser.postForm(decodeHtml(form[1]!), inputs);
      continue;
    }
    throw new Error(`stopped at ${res.status}: ${html.slice(0, 300)}`);
  }
  throw new Error("too many redirects");
}

function decodeHtml(value: string): string {
  return value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

async function openInteraction(browser: Browser, pending: PendingAuthorization): Promise<{ url: string; html: string }> {
  expect(pending.response.status).toBe(303);
  const url = location(pending.response);
  expect(new URL(url).pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const res = await browser.get(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/html");
  return { url, html: await res.text() };
}

async function exchangeCode(pending: PendingAuthorization, callback: URL) {
  expect(callback.searchParams.get("state")).toBe(pending.state);
  expect(callback.searchParams.get("iss")).toBe(issuer);
  const code = callback.searchParams.get("code");
  expect(code).toBeTruthy();
  const { client } = pending;
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: code!,
    redirect_uri: client.redirect_uris[0]!,
    code_verifier: pending.verifier,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (client.token_endpoint_auth_method === "client_secret_post") {
    body.set("client_id", client.client_id);
    body.set("client_secret", client.client_secret);
  } else {
    const basic = `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString("base64")}`;
  }
  const res = await fetch(discovery.token_endpoint, { method: "POST", headers, body });
  const json = (await res.json()) as { id_token?: string; access_token?: string; error?: string };
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(json.id_token).toBeTruthy();
  const { payload, protectedHeader } = await jwtVerify(json.id_token!, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
    issuer,
    audience: client.client_id,
  });
  expect(protectedHeader.alg).toBe("RS256");
  expect(payload.nonce).toBe(pending.nonce);
  return { idToken: json.id_token!, accessToken: json.access_token!, claims: payload as JWTPayload & Record<string, unknown> };
}

/** Authorize → picker → choose → code → tokens. */
async function loginWith(browser: Browser, client: ClientConfig, choice: Record<string, string>, extra = {}) {
  const pending = await authorize(browser, client, extra);
  const { url } = await openInteraction(browser, pending);
  const chosen = await browser.postForm(`${url}/login`, choice);
  expect(chosen.status).toBe(303);
  const callback = await followToClient(browser, chosen, client);
  return exchangeCode(pending, callback);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://localhost:${port}`;
  idp = await createTestIdp({ issuer, clients, identities, logError: (m) => errorsLogged.push(m) });
  await idp.listen(port, "127.0.0.1");
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  discovery = (await res.json()) as typeof discovery;
});

afterAll(async () => {
  await idp?.close();
});

describe("SITHS test-IdP", () => {
  it("serves discovery that matches Inera's OIDC profile, a start page and /health", async () => {
    const config = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.issuer).toBe(issuer);
    expect(config.acr_values_supported).toEqual([LOA3, LOA2]);
    expect(config.claims_parameter_supported).toBe(true);
    expect(config.response_types_supported).toEqual(["code"]);
    expect(config.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(config.claims_supported).toEqual(
      expect.arrayContaining([
        "employeeHsaId",
        "allCommissions",
        "systemRole",
        "http://sambi.se/attributes/1/employeeHsaId",
        "urn:sambi:names:attribute:employeeHsaId",
        "urn:allCommissions",
      ]),
    );
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");

    const home = await fetch(`${issuer}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('lang="sv"');
    expect(html).toContain(`${issuer}/.well-known/openid-configuration`);

    const health = await fetch(`${issuer}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });

  it("logs in a demo identity with LoA 3 and puts the whole claim set in a signed id_token", async () => {
    const browser = new Browser(issuer);
    const pending = await authorize(browser, ward);
    const { url, html } = await openInteraction(browser, pending);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("<title>SITHS test-IdP (endast test och demo)</title>");
    expect(html).toContain("Sanna Sjöberg");
    expect(html).toContain("Region Test");
    expect(html).toContain("Teststads kommun");
    expect(html).toContain("Klistra in claims");
    expect(html).toContain("Avbryt");
    expect(html).toContain(`<option value="${LOA3}" selected>`);

    const chosen = await browser.postForm(`${url}/login`, { loa: LOA3, identity: "sanna.sjoberg" });
    expect(chosen.status).toBe(303);
    const callback = await followToClient(browser, chosen, ward);
    const { claims, accessToken } = await exchangeCode(pending, callback);

    expect(claims.employeeHsaId).toBe(SANNA_HSA_ID);
    expect(claims.allCommissions).toEqual([commission]);
    expect(claims.systemRole).toEqual(["RJH;LINK"]);
    expect(claims.paTitleCode).toEqual(["203090"]);
    expect(claims.healthcareProfessionalLicense).toEqual(["Sjuksköterska"]);
    expect(claims.personalIdentityNumber).toBe("191212121212");
    expect(claims.given_name).toBe("Sanna");
    expect(claims.family_name).toBe("Sjöberg");
    expect(claims.acr).toBe(LOA3);
    expect(claims.amr).toEqual(["siths"]);
    expect(typeof claims.auth_time).toBe("number");
    expect(claims.sub).toBeTruthy();
    expect(claims.sub).not.toBe(SANNA_HSA_ID);
    expect(String(claims.sub)).not.toContain(SANNA_HSA_ID);
    expect(claims.sub).toBe(opaqueSubject(SANNA_HSA_ID));

    // userinfo carries the same claim set
    const userinfo = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: claims.sub, employeeHsaId: SANNA_HSA_ID });
  });

  it("releases only the requested claims when the client asks with scope openid and a claims parameter", async () => {
    const { claims } = await loginWith(new Browser(issuer), muni, { loa: LOA2, identity: "sanna.sjoberg" }, { scope: "openid" });
    expect(claims.employeeHsaId).toBe(SANNA_HSA_ID);
    expect(claims.allCommissions).toEqual([commission]);
    expect(claims.acr).toBe(LOA2);
    expect(claims).not.toHaveProperty("systemRole");
    expect(claims).not.toHaveProperty("personalIdentityNumber");
  });

  it("issues a pasted claim set that uses the http://sambi.se/attributes/1/ names", async () => {
    const hsaId = "TSTNMT2321000156-3003";
    const pasted = {
      "http://sambi.se/attributes/1/employeeHsaId": hsaId,
      "http://sambi.se/attributes/1/givenName": "Petra",
      "urn:sambi:names:attribute:systemRole": ["INTYG;Rehab-TSTNMT2321000156-105N"],
      "urn:allCommissions": [commission],
      sub: "attempt-to-override",
      acr: "http://id.sambi.se/loa/loa4",
    };
    const { claims } = await loginWith(new Browser(issuer), ward, {
      loa: LOA2,
      action: "paste",
      claims: JSON.stringify(pasted),
    });
    expect(claims["http://sambi.se/attributes/1/employeeHsaId"]).toBe(hsaId);
    expect(claims["http://sambi.se/attributes/1/givenName"]).toBe("Petra");
    expect(claims["urn:sambi:names:attribute:systemRole"]).toEqual(["INTYG;Rehab-TSTNMT2321000156-105N"]);
    expect(claims["urn:allCommissions"]).toEqual([commission]);
    expect(claims.acr).toBe(LOA2);
    expect(claims.sub).toBe(opaqueSubject(hsaId));
    expect(claims.sub).not.toBe(hsaId);
  });

  it("shows a Swedish error for pasted invalid JSON or a claim set without employeeHsaId, and issues nothing", async () => {
    const browser = new Browser(issuer);
    const pending = await authorize(browser, ward);
    const { url } = await openInteraction(browser, pending);

    const invalid = await browser.postForm(`${url}/login`, { loa: LOA3, action: "paste", claims: '{"employeeHsaId": ' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("location")).toBeNull();
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("Texten är inte giltig JSON");
    expect(invalidHtml).toContain('role="alert"');
    expect(invalidHtml).toContain('aria-invalid="true"');
    expect(invalidHtml).toContain("{&quot;employeeHsaId&quot;: </textarea>"); // kept for correction

    const missing = await browser.postForm(`${url}/login`, {
      loa: LOA3,
      action: "paste",
      claims: JSON.stringify({ given_name: "Ingen", systemRole: ["X;Y"] }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("saknar employeeHsaId");

    // Nothing was issued: the interaction still waits for a choice, and resuming gives no code.
    const again = await browser.get(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Sanna Sjöberg");

    // Cancelling returns access_denied to the portal.
    const aborted = await browser.postForm(`${url}/abort`, {});
    expect(aborted.status).toBe(303);
    const callback = await followToClient(browser, aborted, ward);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(pending.state);
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("refuses a LoA the portal does not accept", async () => {
    const browser = new Browser(issuer);
    const pending = await authorize(browser, ward, {
      claims: JSON.stringify({ id_token: { acr: { essential: true, values: [LOA3] }, employeeHsaId: { essential: true } } }),
    });
    const { url } = await openInteraction(browser, pending);
    const res = await browser.postForm(`${url}/login`, { loa: LOA2, identity: "sanna.sjoberg" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Portalen kräver tillitsnivå LoA 3");
  });

  it("keeps the IdP session for single sign-on across portals; prompt=login shows the picker again", async () => {
    const browser = new Browser(issuer);
    const first = await loginWith(browser, ward, { loa: LOA3, identity: "sanna.sjoberg" });

    // Another portal: straight back with a code, no picker.
    const sso = await authorize(browser, muni);
    expect(sso.response.status).toBe(303);
    const ssoCallback = new URL(location(sso.response));
    expect(ssoCallback.toString().startsWith(muni.redirect_uris[0]!)).toBe(true);
    const second = await exchangeCode(sso, ssoCallback);
    expect(second.claims.sub).toBe(first.claims.sub);
    expect(second.claims.employeeHsaId).toBe(SANNA_HSA_ID);
    expect(second.claims.acr).toBe(LOA3);
    expect(second.claims.allCommissions).toEqual([commission]);

    // prompt=login: the picker again; choosing someone else replaces the session's identity.
    const relogin = await authorize(browser, ward, { prompt: "login" });
    const { url, html } = await openInteraction(browser, relogin);
    expect(html).toContain("Sanna Sjöberg");
    expect(html).toContain("prompt=login");
    const chosen = await browser.postForm(`${url}/login`, { loa: LOA3, identity: "kalle.kommun" });
    const callback = await followToClient(browser, chosen, ward);
    const third = await exchangeCode(relogin, callback);
    expect(third.claims.employeeHsaId).toBe("TSTNMT2120000000-2002");
    expect(third.claims.sub).not.toBe(first.claims.sub);
  });

  it("binds the claim set to the browser session, so parallel logins with the same HSA-id do not mix", async () => {
    const a = new Browser(issuer);
    const b = new Browser(issuer);
    const pendingA = await authorize(a, ward);
    const pendingB = await authorize(b, ward);
    const { url: urlA } = await openInteraction(a, pendingA);
    const { url: urlB } = await openInteraction(b, pendingB);
    const chosenA = await a.postForm(`${urlA}/login`, { loa: LOA3, identity: "sanna.sjoberg" });
    const variant = { employeeHsaId: SANNA_HSA_ID, systemRole: ["VARIANT;B"] };
    const chosenB = await b.postForm(`${urlB}/login`, { loa: LOA3, action: "paste", claims: JSON.stringify(variant) });
    const callbackA = await followToClient(a, chosenA, ward);
    const callbackB = await followToClient(b, chosenB, ward);
    const tokensB = await exchangeCode(pendingB, callbackB);
    const tokensA = await exchangeCode(pendingA, callbackA);
    expect(tokensA.claims.systemRole).toEqual(["RJH;LINK"]);
    expect(tokensB.claims.systemRole).toEqual(["VARIANT;B"]);
    expect(tokensA.claims.sub).toBe(tokensB.claims.sub);
  });

  it("ends the IdP session on RP-initiated logout and returns to the portal without a click", async () => {
    const browser = new Browser(issuer);
    const { idToken } = await loginWith(browser, ward, { loa: LOA3, identity: "sanna.sjoberg" });

    const endSession = new URL(discovery.end_session_endpoint);
    endSession.searchParams.set("id_token_hint", idToken);
    endSession.searchParams.set("post_logout_redirect_uri", ward.post_logout_redirect_uris[0]!);
    endSession.searchParams.set("state", "efter-utloggning");
    const page = await browser.get(endSession.toString());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Loggar ut");
    expect(html).toContain("<noscript>");
    expect(html).toMatch(/<script>document\.getElementById\("op\.logoutForm"\)\.submit\(\);<\/script>/);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'sha256-/);

    const form = /<form id="op\.logoutForm" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
    expect(form).not.toBeNull();
    const inputs = Object.fromEntries([...form![2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
    expect(inputs.logout).toBe("yes");
    expect(inputs.xsrf).toBeTruthy();
    const confirmed = await browser.postForm(decodeHtml(form![1]!), inputs);
    expect(confirmed.status).toBe(303);
    const back = new URL(location(confirmed));
    expect(`${back.origin}${back.pathname}`).toBe(ward.post_logout_redirect_uris[0]);
    expect(back.searchParams.get("state")).toBe("efter-utloggning");

    // The session is gone: the other portal now gets the picker instead of SSO.
    const after = await authorize(browser, muni);
    const { html: picker } = await openInteraction(browser, after);
    expect(picker).toContain("Sanna Sjöberg");
  });

  it("also logs out with client_id instead of id_token_hint, and shows a Swedish page without a redirect", async () => {
    const browser = new Browser(issuer);
    await loginWith(browser, muni, { loa: LOA3, identity: "kalle.kommun" });
    const endSession = new URL(discovery.end_session_endpoint);
    endSession.searchParams.set("client_id", muni.client_id);
    const page = await browser.get(endSession.toString());
    const html = await page.text();
    const form = /<form id="op\.logoutForm" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html)!;
    const inputs = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
    const confirmed = await browser.postForm(decodeHtml(form[1]!), inputs);
    expect(confirmed.status).toBe(303);
    const success = await browser.get(location(confirmed));
    expect(success.status).toBe(200);
    expect(await success.text()).toContain("Du är utloggad");
  });

  it("still returns to the portal when the id_token_hint was signed before an IdP restart", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const staleHint = await new SignJWT({ sub: opaqueSubject(SANNA_HSA_ID) })
      .setProtectedHeader({ alg: "RS256", kid: "gammal-nyckel" })
      .setIssuer(issuer)
      .setAudience(ward.client_id)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    const browser = new Browser(issuer);
    const endSession = new URL(discovery.end_session_endpoint);
    endSession.searchParams.set("id_token_hint", staleHint);
    endSession.searchParams.set("post_logout_redirect_uri", ward.post_logout_redirect_uris[0]!);
    const page = await browser.get(endSession.toString());
    expect(page.status).toBe(200);
    // No IdP session: oidc-provider's own auto-submitting page, made Swedish and given a lang.
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Fortsätt");
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html)!;
    const inputs = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
    const confirmed = await browser.postForm(decodeHtml(form[1]!), inputs);
    expect(confirmed.status).toBe(303);
    expect(location(confirmed)).toBe(ward.post_logout_redirect_uris[0]);
  });

  it("logs no errors for these ordinary flows, and never claim values", () => {
    expect(errorsLogged).toEqual([]);
    const all = errorsLogged.join("\n");
    expect(all).not.toContain("191212121212");
    expect(all).not.toContain("Sjöberg");
  });
});
