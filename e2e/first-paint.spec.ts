import { expect, type Page } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

/**
 * The worklist and the case page render their data on the server: the first HTML already holds the
 * patients and the case, so a page shows its content without waiting for scripts, and a normal load
 * never shows "Hämtar …" (nor a hydration error: the client picks up the server's state).
 */

/** Records, from the first byte on, whether "Hämtar" was ever on screen, and React's hydration errors. */
async function watchLoading(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /hydrat|did not match|server rendered/i.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __sawLoading: boolean };
    w.__sawLoading = false;
    const check = () => {
      if (document.body?.textContent?.includes("Hämtar")) w.__sawLoading = true;
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener("DOMContentLoaded", check);
  });
  return errors;
}

const sawLoading = (page: Page) => page.evaluate(() => (window as unknown as { __sawLoading: boolean }).__sawLoading);

test("the worklist and a case page are in the server's HTML: readable with JavaScript off, no 'Hämtar' with it on", async ({ browser }) => {
  const { context, page } = await openSession(browser, urls.slutenvard, "Sanna Sjöberg");
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();

  // The same session in a browser that runs no script at all: only the server's HTML.
  const plain = await browser.newContext({
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const noJs = await plain.newPage();
  await noJs.goto(urls.slutenvard);
  await expect(noJs.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();
  const rows = noJs.getByRole("table").getByRole("row");
  // A header row and at least one patient (the demo ward has open cases).
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(noJs.getByTestId("worklist-count")).toHaveText(/^Visar 1–\d+ av \d+ ärenden/);
  await expect(noJs.getByText(/Hämtar/)).toHaveCount(0);
  const firstCase = noJs.getByRole("table").getByRole("link").first();
  const patient = (await firstCase.textContent())!.trim();
  const href = (await firstCase.getAttribute("href"))!;
  expect(href).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);

  await noJs.goto(`${urls.slutenvard}${href}`);
  await expect(noJs.getByRole("heading", { level: 1, name: patient })).toBeVisible();
  await expect(noJs.getByText(/Hämtar ärendet/)).toHaveCount(0);
  await plain.close();

  // With scripts on, a normal load of each: the content at once, never "Hämtar …", no hydration error.
  const live = await context.newPage();
  const errors = await watchLoading(live);
  await live.goto(urls.slutenvard);
  await expect(live.getByRole("table").getByRole("link", { name: patient }).first()).toBeVisible();
  expect(await sawLoading(live)).toBe(false);
  await expectAccessible(live);

  await live.goto(`${urls.slutenvard}${href}`);
  await expect(live.getByRole("heading", { level: 1, name: patient })).toBeVisible();
  expect(await sawLoading(live)).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});

test("a case the unit is not a party to still says so, after the server's refused query", async ({ browser }) => {
  const { context, page } = await openSession(browser, urls.slutenvard, "Sanna Sjöberg");
  await page.goto(`${urls.slutenvard}/arenden/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { level: 1, name: "Ärendet hittades inte" })).toBeVisible();
  await expect(page.getByText("Ärendet finns inte, eller så är din enhet inte part i det.")).toBeVisible();
  await context.close();
});

test("until a page's own script has come its controls are disabled: a search cannot be sent by the browser and lost; then it works", async ({ browser }) => {
  // Without the portal's service worker: the scripts it fetches for the page would pass page.route by.
  const { context, page } = await openSession(browser, urls.forvaltning, "Åsa Berg", { serviceWorkers: "block" });
  const address = `${urls.forvaltning}/personal`;
  // The page's first-load scripts (its <script src> tags) come; every other script waits until released.
  const html = await (await page.request.get(address)).text();
  const firstLoad = new Set([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!, address).pathname));
  const held: (() => Promise<void>)[] = [];
  let holding = true;
  await page.route("**/_next/static/**/*.js", (route) => {
    if (!holding || firstLoad.has(new URL(route.request().url()).pathname)) return route.continue();
    held.push(() => route.continue());
  });
  await page.goto(address, { waitUntil: "domcontentloaded" });
  const search = page.getByRole("search", { name: "Sök personal" });
  const field = search.getByLabel("Namn eller HSA-id");
  const button = search.getByRole("button", { name: "Sök" });
  // The server's HTML is on screen, its search form disabled: nothing can be typed or sent.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(field).toBeDisabled();
  await expect(button).toBeDisabled();
  await button.click({ force: true });
  expect(page.url()).toBe(address);
  expect(held.length).toBeGreaterThan(0);

  holding = false;
  await Promise.all(held.splice(0).map((go) => go()));
  await expect(field).toBeEnabled();
  await field.fill("Sanna");
  await button.click();
  await expect(page.getByTestId("people-results").getByRole("button", { name: "Sanna Sjöberg" })).toBeVisible();
  expect(page.url()).toBe(address);
  await context.close();
});
