import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// Follow-up reports in Förvaltning from the demo's year of history: Åsa Berg (Region Sörmland)
// sees twelve months with the chart and its table, groups by kommun and exports CSV with the same
// total; Tomas Wik (Eskilstuna kommun) sees only Eskilstuna.

test("Åsa opens the follow-up reports: twelve months of history, a chart with its table, CSV export", async ({ browser }) => {
  const { page } = await openSession(browser, urls.forvaltning, "Åsa Berg");
  await page.getByRole("link", { name: "Uppföljning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning · Region Sörmland" })).toBeVisible();
  const status = page.getByText(/^\d+ utskrivna patienter i urvalet\.$/);
  await expect(status).toBeVisible({ timeout: 30_000 });
  const total = Number((await status.textContent())!.split(" ")[0]);
  expect(total).toBeGreaterThan(100);

  // The chart, named by its heading, and the table beside it: twelve months, most with stays.
  await expect(page.getByRole("img", { name: "Andel utskrivna inom tre dagar efter utskrivningsklar, per månad" })).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId("tabell-inom-tre").locator("tbody tr");
  await expect(rows).toHaveCount(12);
  const staysPerMonth = await rows.locator("td:first-of-type").allTextContents();
  expect(staysPerMonth.filter((n) => Number(n) > 0).length).toBeGreaterThanOrEqual(11);
  await expect(page.getByRole("heading", { name: "Betalningsansvar per kommun och månad" })).toBeVisible();
  await expectAccessible(page);

  // By kommun: the region's kommuner with history.
  await page.getByLabel("Indelning").selectOption("kommun");
  await expect(page.getByRole("heading", { name: "Per kommun för hela perioden" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("rowheader", { name: "Eskilstuna kommun" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Nyköpings kommun" })).toBeVisible();
  await expectAccessible(page);

  // CSV: one row per kommun and month, the same total, no patient.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exportera uppföljningen (CSV)" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trim().split("\r\n");
  expect(header).toMatch(/^Månad;Kommun;Utskrivna;Inskrivningsmeddelande inom 24 h \(%\)/);
  expect(lines.reduce((s, l) => s + Number(l.split(";")[2]), 0)).toBe(total);
  expect(csv).not.toMatch(/HIST|19121212/);
});

test("Tomas Wik sees Eskilstuna kommun's figures and no other kommun's", async ({ browser }) => {
  const { page } = await openSession(browser, urls.forvaltning, "Tomas Wik");
  await page.goto(`${urls.forvaltning}/rapporter`);
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning · Eskilstuna kommun" })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Indelning").selectOption("kommun");
  await expect(page.getByRole("rowheader", { name: "Eskilstuna kommun" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("rowheader", { name: "Nyköpings kommun" })).toHaveCount(0);
  await expectAccessible(page);
});
