import { expect, type APIResponse, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { expectAccessible, loginAs, signOut, urls, test } from "./support";

// Hardening through the real portals: the security headers on a page, an API answer and a PDF;
// pages that work under that CSP (any CSP violation in the console fails the test); form posts
// from another origin refused; API queries by GET refused; and when Vårdkedjan itself fails, the
// Swedish page with the routine and the saved contact list instead of Next's English error.
test.describe.configure({ mode: "serial" });

/**
 * Collects every CSP violation the portal's pages report, from the console and from the DOM event.
 * Left out: axe-core, which the test itself injects to check accessibility, compiles its message
 * templates with `new Function` (CSP correctly refuses it); such code has no script URL.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text()) && !/evaluate a string as JavaScript/.test(m.text())) {
      violations.push(`${m.text()} (${m.location().url})`);
    }
  });
  await page.exposeFunction("__vkCspViolation", (text: string, sourceFile: string) => {
    if (/^https?:\/\//.test(sourceFile)) violations.push(`${text} (${sourceFile})`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __vkCspViolation: (t: string, s: string) => void }).__vkCspViolation;
      report(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`, e.sourceFile || (e.blockedURI === "eval" ? "" : location.href));
    });
  });
  return violations;
}

type Headers = Record<string, string>;
const headersOf = (r: Response | APIResponse): Headers => r.headers();

function expectSecurityHeaders(h: Headers, what: string) {
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toContain("object-src 'none'");
  expect(csp, `${what}: CSP`).not.toMatch(/unsafe-eval|unsafe-inline/);
  expect(h["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(h["referrer-policy"], `${what}: Referrer-Policy`).toBe("same-origin");
  expect(h["permissions-policy"], `${what}: Permissions-Policy`).toContain("camera=()");
  // The browser tests run over plain http: HSTS only where the portal's address is https.
  expect(h["strict-transport-security"], `${what}: HSTS`).toBeUndefined();
}

test("a page, an API answer and a PDF carry the security headers; a logged-in page works under the CSP", async ({ page }) => {
  const violations = await watchCsp(page);
  await loginAs(page, urls.slutenvard, "Sanna Sjöberg");
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();

  const first = await page.reload();
  expectSecurityHeaders(headersOf(first!), "sida");
  const nonceOf = (h: Headers) => /'nonce-([^']+)'/.exec(h["content-security-policy"] ?? "")?.[1];
  const second = await page.reload();
  expect(nonceOf(headersOf(second!)), "en ny nonce för varje svar").not.toBe(nonceOf(headersOf(first!)));

  // The page's scripts ran under the CSP: the client fetched the contact list through the API
  // (POST) and saved it for the offline page, and live updates are connected.
  await page.waitForFunction(() => !!localStorage.getItem("vk-kontaktlista-offline"));
  await page.goto(`${urls.slutenvard}/kontaktlista`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expectAccessible(page);

  // The API's JSON answers carry a fixed policy that refuses everything (no nonce: nothing runs).
  const api = await page.request.post(`${urls.slutenvard}/api/trpc/outage.current?batch=1`, { data: { 0: { json: null } } });
  expect(api.status()).toBe(200);
  const apiHeaders = headersOf(api);
  expect(apiHeaders["content-security-policy"], "API: CSP").toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  expect(apiHeaders["x-content-type-options"], "API: nosniff").toBe("nosniff");
  expect(apiHeaders["referrer-policy"], "API: Referrer-Policy").toBe("same-origin");
  expect(apiHeaders["x-frame-options"], "API: X-Frame-Options").toBe("DENY");
  expect(apiHeaders["content-type"], "API: JSON").toMatch(/^application\/json/);
  const pdf = await page.request.get(`${urls.slutenvard}/dokument/reservparm.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expectSecurityHeaders(headersOf(pdf), "PDF");

  expect(violations).toEqual([]);
});

test("API queries by GET are refused in Swedish; the outage report is for administrators only", async ({ page }) => {
  await loginAs(page, urls.slutenvard, "Sanna Sjöberg");
  const input = encodeURIComponent(JSON.stringify({ 0: { json: null } }));
  const get = await page.request.get(`${urls.slutenvard}/api/trpc/outage.current?batch=1&input=${input}`);
  expect(get.status()).toBe(405);
  const body = (await get.json()) as { error: { json: { message: string; data: { appCode: string } } } };
  expect(body.error.json.message).toMatch(/ska skickas med POST/);
  expect(body.error.json.data.appCode).toBe("METHOD_NOT_ALLOWED");

  const csv = await page.request.get(`${urls.slutenvard}/dokument/driftstorningsrapport.csv?driftstorning=00000000-0000-4000-8000-000000000000`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).toBe("Du har inte behörighet att göra detta.");
});

test("a form posted from another origin is refused; the portal's own forms still work", async ({ page, browser }) => {
  const violations = await watchCsp(page);
  await loginAs(page, urls.slutenvard, "Mira Dahl");
  await expect(page).toHaveURL(`${urls.slutenvard}/valj-sammanhang`);
  await expectAccessible(page);

  // Without Origin or Sec-Fetch-Site (a script or an old client), and from a foreign origin.
  const attempts: Record<string, string>[] = [{}, { origin: "https://angripare.example" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of attempts) {
    const res = await page.request.post(`${urls.slutenvard}/api/sammanhang`, { form: { contextId: "x" }, headers, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toMatch(/^Otillåten begäran/);
  }
  // A real browser posting from a page that is not the portal's (its Origin is "null").
  const other = await browser.newPage();
  await other.setContent(`<form method="post" action="${urls.slutenvard}/logga-ut"><button>Skicka</button></form>`);
  const [refused] = await Promise.all([other.waitForResponse(`${urls.slutenvard}/logga-ut`), other.getByRole("button").click()]);
  expect(refused.status()).toBe(403);
  await other.close();

  // The portal's own form posts: choosing a context, then signing out.
  await page.getByRole("list", { name: "Dina arbetssammanhang" }).getByRole("button").first().click();
  await expect(page).toHaveURL(`${urls.slutenvard}/`);
  await expect(page.getByTestId("active-context")).toContainText("Mira Dahl");
  await signOut(page, urls.slutenvard);
  expect(violations).toEqual([]);
});

test("a page load answered with a server error gets the saved offline page from the service worker", async ({ browser }) => {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  await loginAs(page, urls.primarvard, "Fredrik Vall");
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller));
  await page.waitForFunction(() => !!localStorage.getItem("vk-kontaktlista-offline"));

  // The portal answers the page load with 500 (as with its database gone); the network is there.
  await context.route(`${urls.primarvard}/kontaktlista`, (route) =>
    route.fulfill({ status: 500, contentType: "text/html", body: "<!doctype html><title>500</title><p>This page couldn't load. A server error occurred.</p>" }),
  );
  await page.goto(`${urls.primarvard}/kontaktlista`);
  await expect(page.getByRole("heading", { level: 1, name: "Vårdkedjan är inte tillgänglig just nu" })).toBeVisible();
  await expect(page.getByTestId("offline-notice")).toContainText("reservrutinen");
  await expect(page.getByTestId("offline-list-meta")).toBeVisible();
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  await expectAccessible(page);
  expect(violations).toEqual([]);
  await context.close();
});

test("a page whose server side fails shows the Swedish error page with the routine and the saved contact list", async ({ browser }) => {
  // No service worker here: this is the portal's own error page (app/error.tsx), not the worker's copy.
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", serviceWorkers: "block" });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  await loginAs(page, urls.slutenvard, "Lina Forsberg");
  await page.waitForFunction(() => !!localStorage.getItem("vk-kontaktlista-offline"));

  // Take away the table every page reads the session from, so that the server side fails as it
  // does when the database is in trouble (a session row that merely no longer parses is ended and
  // the person logs in again). Put back in `finally`: the browser tests run one at a time.
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  await db.query("alter table login_sessions rename to login_sessions_borta");
  let res;
  try {
    res = await page.goto(`${urls.slutenvard}/`);
    expect(res!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole("heading", { level: 1, name: "Vårdkedjan är inte tillgänglig just nu" })).toBeVisible();
    await expect(page.getByTestId("offline-notice")).toContainText("reservrutinen");
    await expect(page.getByRole("link", { name: /Reservpärm/ })).toBeVisible();
    await expect(page.getByTestId("offline-list-meta")).toBeVisible();
    await expect(page.getByText(/couldn't load|server error occurred/i)).toHaveCount(0);
  } finally {
    await db.query("alter table login_sessions_borta rename to login_sessions");
    await db.end();
  }
  expectSecurityHeaders(headersOf(res!), "felsida");
  await expectAccessible(page);
  expect(violations).toEqual([]);
  await context.close();
});
