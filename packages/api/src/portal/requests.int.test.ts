import { afterEach, describe, expect, it } from "vitest";
import { setServerErrorSink } from "./log";
import { createPortalServer } from "./server";
import { contentSecurityPolicy } from "./security-headers";
import { POST_REQUIRED_CODE, POST_REQUIRED_MESSAGE } from "./requests";

/**
 * The portal's HTTP edges, refused before any session or database is touched: the env points at
 * a database that does not exist, so anything that got past the guard would fail differently.
 */
const ORIGIN = "http://localhost:3901";
const env = {
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
  AUTH_SECRET: "x".repeat(32),
  OIDC_ISSUER: "http://localhost:3999",
  OIDC_CLIENT_ID: "vk",
  OIDC_CLIENT_SECRET: "secret",
  VK_URL_SLUTENVARD: ORIGIN,
};

describe("portal request guards", () => {
  const portal = createPortalServer("slutenvard", env);
  let restore: ((l: string) => void) | undefined;
  afterEach(() => {
    if (restore) setServerErrorSink(restore);
    restore = undefined;
  });

  it("refuses an API query sent as GET (input in the URL) with a Swedish error and a stable code", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { query: "191212121212" } } }));
    const res = await portal.trpcRoute(new Request(`${ORIGIN}/api/trpc/case.search?batch=1&input=${input}`));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string; appCode: string } } } };
    expect(body.error.json.message).toBe(POST_REQUIRED_MESSAGE);
    expect(body.error.json.data).toMatchObject({ code: "METHOD_NOT_SUPPORTED", appCode: POST_REQUIRED_CODE });
  });

  const post = (path: string, headers: Record<string, string | undefined>) =>
    new Request(`${ORIGIN}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>),
      },
      body: "contextId=x",
    });

  for (const [route, path] of [
    ["chooseContextRoute", "/api/sammanhang"],
    ["signOutRoute", "/logga-ut"],
  ] as const) {
    it(`${path} refuses a form post without a same-origin Origin or Sec-Fetch-Site`, async () => {
      for (const headers of [
        {},
        { origin: "https://evil.example" },
        { origin: "null" },
        { origin: "null", "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "cross-site" },
        { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
      ]) {
        const res = await portal[route](post(path, headers));
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(await res.text()).toMatch(/^Otillåten begäran/);
      }
    });

    it(`${path} lets a same-origin form post past the origin check`, async () => {
      restore = setServerErrorSink(() => undefined);
      for (const headers of [{ origin: ORIGIN }, { "sec-fetch-site": "same-origin" }, { origin: "null", "sec-fetch-site": "same-origin" }]) {
        // Past the guard it needs a request scope and a database, which this test has not: not a 403.
        const res = await portal[route](post(path, headers)).catch(() => null);
        expect(res?.status, JSON.stringify(headers)).not.toBe(403);
      }
    });
  }
});

describe("content security policy", () => {
  it("allows scripts by this response's nonce only, no eval, and no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", formTargets: ["http://idp.test"], https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://idp.test");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", formTargets: [], https: true, dev: false })).toContain("upgrade-insecure-requests");
  });
});
