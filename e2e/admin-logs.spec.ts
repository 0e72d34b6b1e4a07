import { expect } from "@playwright/test";
import { expectAccessible, openSession, openWorklist, urls, test } from "./support";

// Loggkontroll through the real portals: a case read at the ward by Sanna Sjöberg is in Åsa
// Berg's log search for that patient, and every Loggkontroll page passes axe.
test.describe.configure({ mode: "serial" });

test("a case read by Sanna Sjöberg appears in Åsa's Loggkontroll for that patient", async ({ browser }) => {
  test.setTimeout(180_000);
  // Sanna opens Margareta Öhman's case (demo data, her ward): a read, logged.
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  await ward.getByTestId("worklist").getByRole("link", { name: "Margareta Öhman" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name: "Margareta Öhman" })).toBeVisible();

  const { page } = await openSession(browser, urls.forvaltning, "Åsa Berg");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Loggkontroll" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Loggkontroll" })).toBeVisible();
  await expectAccessible(page);

  // A wrong personnummer is refused in Swedish, at the field.
  await page.getByLabel("Patient (valfritt)").fill("19610118-2804");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByText("Ogiltigt personnummer: kontrollsiffran stämmer inte").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Patient (valfritt)").fill("19610118-2803");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  // The personnummer never reaches the address bar.
  expect(page.url()).not.toContain("196101182803");
  expect(page.url()).not.toContain("19610118-2803");
  const sannasRead = page.getByTestId("audit-log-row").filter({ hasText: "Sanna Sjöberg" }).filter({ hasText: "Läsa" });
  await expect(sannasRead.first()).toBeVisible({ timeout: 15_000 });
  await expect(sannasRead.first()).toContainText("Avd 12 Medicin");
  await expect(sannasRead.first()).toContainText("Margareta Öhman");
  await expectAccessible(page);

  // The other Loggkontroll pages: flags, stickprov (draw one and review an access), the extract.
  const sub = page.getByRole("navigation", { name: "Loggkontroll" });
  await sub.getByRole("link", { name: "Flaggor att granska" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flaggor att granska" })).toBeVisible();
  await expect(page.getByTestId("flag").first().or(page.getByTestId("no-flags"))).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page);

  await sub.getByRole("link", { name: "Stickprov" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stickprov" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Antal åtkomster").fill("3");
  await page.getByRole("button", { name: "Ta stickprov" }).click();
  await page.waitForURL(/\/loggkontroll\/stickprov\/[0-9a-f-]{36}$/);
  // A client-side navigation: Next streams the page's <title> in after the content.
  await expect(page).toHaveTitle(/Vårdkedjan/);
  await expect(page.getByTestId("audit-log-row").first()).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page);
  const first = page.getByTestId("audit-log-row").first();
  await first.getByRole("radio", { name: "Utan anmärkning" }).check();
  await first.getByRole("button", { name: "Spara bedömning" }).click();
  await expect(first.getByTestId("review-done")).toContainText("Åsa Berg");
  await expectAccessible(page);

  await sub.getByRole("link", { name: "Logguttag till patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logguttag till patient" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Patient", { exact: true }).fill("19610118-2803");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Hämta som CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^logguttag-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByTestId("extract-status")).toContainText("Logguttaget är skapat");
  await expectAccessible(page);
});

test("Eskilstuna's MAS reviews the kommun's log in Förvaltning, through the rule, and sees only that work", async ({ browser }) => {
  const { page } = await openSession(browser, urls.forvaltning, "Gunilla Rask");
  await expect(page.getByRole("heading", { level: 1, name: /Översikt · Eskilstuna kommun/ })).toBeVisible();
  await expect(page.getByTestId("oversikt-loggkontroll")).toBeVisible();
  await expect(page.getByTestId("oversikt-telefon")).toHaveCount(0);
  const menu = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(menu.getByRole("link", { name: "Loggkontroll" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Behörighetsregler" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Organisation" })).toHaveCount(0);
  await expectAccessible(page);
  await menu.getByRole("link", { name: "Loggkontroll" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Loggkontroll" })).toBeVisible();
});
