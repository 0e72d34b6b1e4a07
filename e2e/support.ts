import { expect, test as base, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import axe, { type AxeResults } from "axe-core";

/**
 * Playwright's `test`, which also closes at the end of each test the browser contexts the test
 * opened itself (openSession, browser.newContext). Playwright closes only the contexts of its own
 * fixtures; one left open kept its pages live through the rest of the group (up to 15 at once), each
 * with a live-update stream that refetches on every change in the system and an outage poll.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
});

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} saknas: kör webbläsartesterna med \`npm test\` (scripts/test.ts startar systemet).`);
  return v;
}

export const urls = {
  get slutenvard() {
    return need("E2E_SLUTENVARD");
  },
  get primarvard() {
    return need("E2E_PRIMARVARD");
  },
  get kommun() {
    return need("E2E_KOMMUN");
  },
  get forvaltning() {
    return need("E2E_FORVALTNING");
  },
  get idp() {
    return need("E2E_IDP");
  },
};

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's WCAG 2.1 AA rules on the page. The portals and the IdP draw no frames: axe then runs in
 * the page itself, put there once per document (an in-app navigation keeps it), and reports every
 * node only for the violations (`resultTypes`; passes and the rest keep one node each, which spares
 * the unique selector axe builds for every node of a large page, and nothing here reads them).
 * @axe-core/playwright's default instead injects axe anew on every call, runs it per frame and
 * finishes each run in a new blank page (for cross-origin frames): three to eight times the time for
 * the same violations, on pages the browser tests scan some 200 times. A page with frames still
 * goes that way.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  type WithAxe = { axe?: typeof axe };
  const present = await page.evaluate((version) => (window as WithAxe).axe?.version === version, axe.version);
  if (!present) await page.evaluate(axe.source);
  return page.evaluate((tags) => (window as WithAxe).axe!.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), WCAG_21_AA);
}

/** Runs axe on the current page and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, info?: TestInfo) {
  // After a navigation inside the app the page's <title> follows its content (Next streams the
  // metadata), so on a busy machine axe could run in between; wait until the page has its title.
  // A page that never gets one still fails here.
  await expect(page, `sidtitel på ${page.url()}`).toHaveTitle(/\S/);
  // The page as it is used: once its code has taken over (kit/deferred.tsx). axe counts a link inside
  // the disabled fieldset of the moments before as unfocusable (browsers focus it), and reported a
  // wide table of patient links as a region no keyboard could reach.
  await expect(page.locator("fieldset[data-hydration-gate][disabled]"), `sidans kod på ${page.url()}`).toHaveCount(0);
  const result = await runAxe(page);
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (info && bad.length) await info.attach(`axe-${page.url()}`, { body: JSON.stringify(bad, null, 2), contentType: "application/json" });
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe på ${page.url()}`,
  ).toEqual([]);
}

/**
 * The portals whose login page at the IdP this worker has checked with axe. A worker runs its
 * specs against one system, and the IdP draws the same page at every login from a portal (only the
 * portal's name differs between portals), so once per portal checks it.
 */
const idpPagesChecked = new Set<string>();

/**
 * Opens a portal, follows the redirect to the test IdP, picks the identity by name and waits to be
 * back at the portal. Checks accessibility of the IdP page (at the first login from the portal)
 * and of the page landed on. Always a real login: the sessions openSession keeps are not used.
 */
export async function loginAs(page: Page, portalUrl: string, name: string) {
  await page.goto(portalUrl);
  await expect(page).toHaveURL(new RegExp(`^${urls.idp}/interaction/`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (!idpPagesChecked.has(portalUrl)) {
    await expectAccessible(page);
    idpPagesChecked.add(portalUrl);
  }
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.waitForURL((u) => u.toString().startsWith(portalUrl));
  await expectAccessible(page);
}

export async function signOut(page: Page, portalUrl: string) {
  forgetSessions(portalUrl);
  await page.getByRole("button", { name: "Logga ut" }).first().click();
  await page.waitForURL(`${portalUrl}/utloggad`);
  await expect(page.getByRole("heading", { name: "Du är utloggad" })).toBeVisible();
  await expectAccessible(page);
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/**
 * The sessions openSession has logged in on this worker's system, by portal and person: the
 * browser's cookies just after a real login through the IdP (the portal's session cookie, which
 * names the server-side login session, and the IdP's own). A later openSession of the same person
 * in the same portal starts its new browser context with them instead of logging in again: the
 * same login session, as another tab of the same browser would use it, valid until it ends.
 *
 * Only cookies: each context starts with empty storage, as a new browser does. Not kept: the login
 * of a person with several contexts (the context a test chooses is stored in the session, and the
 * next test would not start where a login starts). signOut forgets the sessions of its portal; a
 * session ended any other way (by an administrator, or a rule change) sends the portal to the login
 * and a new login follows (reopenSession). loginAs, for the tests of login itself, always logs in.
 * A kept session holds the contexts its login gave: a test that changes what a login gives (a rule)
 * and then needs someone already kept to have logged in after the change uses loginAs for them.
 */
const keptSessions = new Map<string, Cookies>();
const sessionKey = (portalUrl: string, who: string) => `${portalUrl} ${who}`;

function forgetSessions(portalUrl: string) {
  for (const key of keptSessions.keys()) if (key.startsWith(`${portalUrl} `)) keptSessions.delete(key);
}

/**
 * A new browser context with a kept session's cookies, on the portal's start page. When that
 * session has ended, the portal sends the page to the login and the IdP, whose session is in the
 * same cookies, logs the person in again by single sign-on: a new login session, kept from then on.
 * Null (the context closed) when the page does not come back to the portal that way.
 */
async function reopenSession(browser: Browser, portalUrl: string, key: string, options: BrowserContextOptions) {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", ...options });
  await context.addCookies(keptSessions.get(key)!);
  const page = await context.newPage();
  const visited: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) visited.push(r.url());
  });
  await page.goto(portalUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (page.url().startsWith(portalUrl) && !page.url().startsWith(`${portalUrl}/valj-sammanhang`)) {
    if (visited.some((u) => u.startsWith(`${portalUrl}/logga-in`))) keptSessions.set(key, await context.cookies());
    return { context, page };
  }
  await context.close();
  return null;
}

/**
 * A user in a browser context of their own (Swedish locale, Stockholm time), logged in through the
 * test IdP, on the portal's start page; the person's session from an earlier login on this system
 * when there is one (keptSessions).
 */
export async function openSession(
  browser: Browser,
  portalUrl: string,
  who: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const key = sessionKey(portalUrl, who);
  if (!options.storageState && keptSessions.has(key)) {
    const reopened = await reopenSession(browser, portalUrl, key, options);
    if (reopened) return reopened;
    keptSessions.delete(key);
  }
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", ...options });
  const page = await context.newPage();
  await page.goto(portalUrl);
  await page.getByRole("button", { name: new RegExp(who) }).click();
  await page.waitForURL((u) => u.toString().startsWith(portalUrl));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (!options.storageState && !page.url().startsWith(`${portalUrl}/valj-sammanhang`)) keptSessions.set(key, await context.cookies());
  return { context, page };
}

/** A care-portal user on their worklist ("Min arbetsyta"), checked with axe. */
export async function openWorklist(browser: Browser, portalUrl: string, who: string): Promise<Page> {
  const { page } = await openSession(browser, portalUrl, who);
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();
  await expectAccessible(page);
  return page;
}

/**
 * Answers "Samtycker" to every consent of the open consent form. The form's code loads after the
 * case page, so the radios are waited for before they are counted (a count does not wait).
 */
export async function consentToAll(page: Page): Promise<number> {
  const consent = page.getByTestId("form-samtycke").getByRole("radio", { name: "Samtycker", exact: true });
  await expect(consent.first()).toBeVisible({ timeout: 15_000 });
  const kinds = await consent.count();
  for (let i = 0; i < kinds; i++) await consent.nth(i).check();
  return kinds;
}
