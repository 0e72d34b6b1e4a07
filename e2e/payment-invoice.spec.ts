import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// Payment responsibility through the real portals. The demo data has one finished stay in the
// previous month with a week's wait for Eskilstuna kommun (Lennart Berglöf: four payment days at
// the demo agreement's 10 500 kr) and a patient ready for discharge now at Mälarsjukhuset (Alva
// Lindberg, folkbokförd in Eskilstuna).
test.describe.configure({ mode: "serial" });

const kronor = (text: string): number => Number(text.replace(/[^\d]/g, ""));

test("Åsa opens Eskilstuna's invoice basis for last month, sees rows and a total, and the CSV has the same total", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await openSession(browser, urls.forvaltning, "Åsa Berg");
  await page.getByRole("link", { name: "Betalningsansvar" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Betalningsansvar" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Överenskommelser och belopp per vårddygn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Överenskommelser om betalningsansvar" })).toBeVisible();
  await expect(page.getByTestId("agreement-version").first()).toContainText("Lagens standardregel");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ny version" }).click();
  await expect(page.getByTestId("agreement-form")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${urls.forvaltning}/betalningsansvar/faktureringsunderlag`);
  await expect(page.getByRole("heading", { level: 1, name: "Faktureringsunderlag, betalningsansvar" })).toBeVisible();
  await page.getByLabel("Kommun").selectOption({ label: "Eskilstuna kommun" });
  const table = page.getByTestId("invoice-table");
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).not.toHaveCount(0);
  // The administrator sees the rows without the patients (separation of duties).
  await expect(table).not.toContainText("Lennart");
  await expect(page.getByTestId("invoice-status")).toContainText("Patienterna visas bara för ekonomirollerna");
  const totalText = (await page.getByTestId("invoice-total-amount").textContent()) ?? "";
  const total = kronor(totalText);
  expect(total).toBeGreaterThan(0);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("invoice-csv").click()]);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r\n/);
  const sum = lines.at(-1)!.split(";");
  expect(sum[0]).toBe("Summa");
  expect(Number(sum.at(-2))).toBe(total);
  expect(csv).not.toContain("Lennart");
  await context.close();
});

test("Tomas Wik sees Eskilstuna's invoice basis and no other kommun's", async ({ browser }) => {
  const { page, context } = await openSession(browser, urls.forvaltning, "Tomas Wik");
  await page.goto(`${urls.forvaltning}/betalningsansvar/faktureringsunderlag`);
  await expect(page.getByRole("heading", { level: 1, name: "Faktureringsunderlag, betalningsansvar" })).toBeVisible();
  const options = page.getByLabel("Kommun").locator("option");
  await expect(options).toHaveCount(1);
  await expect(options).toHaveText(["Eskilstuna kommun"]);
  await expect(page.getByTestId("invoice-table")).toBeVisible();
  await expect(page.getByRole("button", { name: /Fastställ/ })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

test("Ulrika Lind's Utskrivningsklara nu lists a ready patient with the day count and kommun; the case page says when payment responsibility starts", async ({
  browser,
}) => {
  const { page, context } = await openSession(browser, urls.slutenvard, "Ulrika Lind");
  await page.getByRole("link", { name: "Utskrivningsklara nu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utskrivningsklara nu" })).toBeVisible();
  const row = page.getByTestId("ready-table").getByRole("row").filter({ hasText: "Alva Lindberg" });
  await expect(row).toContainText(/dag \d+/);
  await expect(row).toContainText("Eskilstuna kommun");
  await expect(row).toContainText(/Betalningsansvar från \d+ \S+ 00:00/);
  await expect(page.getByTestId("ready-totals")).toContainText("Eskilstuna kommun");
  await expectAccessible(page);

  await row.getByRole("link", { name: "Alva Lindberg" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alva Lindberg" })).toBeVisible();
  await expect(page.getByTestId("payment-liability")).toContainText(/Betalningsansvar från \d+ \S+ 00:00/);
  await expectAccessible(page);
  await context.close();
});

test("Åsa saves a new agreement version for Flen after a Swedish field error; Tomas Wik may read the agreements but not change them", async ({ browser }) => {
  // Two sign-ins and up to a minute's wait for the background recomputation.
  test.setTimeout(240_000);
  const asa = await openSession(browser, urls.forvaltning, "Åsa Berg");
  await asa.page.goto(`${urls.forvaltning}/betalningsansvar/overenskommelser`);
  await asa.page.getByRole("button", { name: "Ny version" }).click();
  const form = asa.page.getByTestId("agreement-form");
  await form.getByLabel("Gäller", { exact: true }).selectOption({ label: "Flens kommun" });
  await form.getByLabel("Överenskommelsens namn").fill("Överenskommelse om betalningsansvar, Flens kommun (test)");
  await form.getByLabel("Fria dagar efter dag 0").first().fill("");
  await form.getByRole("button", { name: "Spara ny version" }).click();
  // A field that is not a number is refused at the field, in Swedish.
  await expect(form.getByTestId("error-notice")).toBeVisible();
  await expect(form).toContainText("Ange ett giltigt tal");
  await expectAccessible(asa.page);
  await form.getByLabel("Fria dagar efter dag 0").first().fill("2");
  await form.getByRole("button", { name: "Spara ny version" }).click();
  await expect(form).toContainText("Ange datum som ÅÅÅÅ-MM-DD");
  await form.getByLabel("Gäller från").fill("2026-01-01");
  await form.getByRole("button", { name: "Spara ny version" }).click();
  await expect(asa.page.getByTestId("agreement-form")).toHaveCount(0);
  await expect(asa.page.getByTestId("agreement-version").filter({ hasText: "Flens kommun (test)" })).toContainText("version 1");
  // The save returns at once; the figures are recomputed in the background and the page says when that is done.
  await expect(asa.page.getByTestId("recomputation-status")).toContainText("Betalningsdagarna räknades om", { timeout: 60_000 });
  await expectAccessible(asa.page);
  await asa.context.close();

  const tomas = await openSession(browser, urls.forvaltning, "Tomas Wik");
  await tomas.page.goto(`${urls.forvaltning}/betalningsansvar/overenskommelser`);
  await expect(tomas.page.getByRole("heading", { level: 1, name: "Överenskommelser om betalningsansvar" })).toBeVisible();
  await expect(tomas.page.getByRole("button", { name: "Ny version" })).toHaveCount(0);
  await expect(tomas.page.getByTestId("agreement-version").filter({ hasText: "Flens kommun" })).toHaveCount(0);
  await expectAccessible(tomas.page);
  await tomas.context.close();
});

test("the region's economist fixes last month with the patients shown; the kommun's controller disputes a row", async ({ browser }) => {
  const maria = await openSession(browser, urls.forvaltning, "Maria Ekholm");
  await expect(maria.page.getByRole("heading", { level: 1, name: "Faktureringsunderlag, betalningsansvar" })).toBeVisible();
  await maria.page.getByLabel("Kommun").selectOption({ label: "Eskilstuna kommun" });
  await expect(maria.page.getByTestId("invoice-table")).toContainText("Lennart Berglöf");
  await expectAccessible(maria.page);
  await maria.page.getByRole("button", { name: /^Fastställ / }).click();
  await expect(maria.page.getByTestId("invoice-status")).toContainText("Fastställd");
  await maria.context.close();

  const per = await openSession(browser, urls.forvaltning, "Per Sandberg");
  const table = per.page.getByTestId("invoice-table");
  await expect(table).toContainText("Lennart Berglöf");
  await table
    .getByRole("button", { name: /Bestrid/ })
    .first()
    .click();
  await table.getByLabel(/Skäl till att/).fill("Kommunklar meddelades per telefon dagen innan.");
  await expectAccessible(per.page);
  await table.getByRole("button", { name: "Skicka bestridande" }).click();
  await expect(table).toContainText("Väntar på svar från regionen");
  await expectAccessible(per.page);
  await per.context.close();
});

test("the region's economist answers the dispute, and the kommun's controller sees the answer", async ({ browser }) => {
  const answer = "Inget telefonsamtal är antecknat i ärendet; dagarna står kvar.";
  const maria = await openSession(browser, urls.forvaltning, "Maria Ekholm");
  await expect(maria.page.getByRole("heading", { level: 1, name: "Faktureringsunderlag, betalningsansvar" })).toBeVisible();
  await maria.page.getByLabel("Kommun").selectOption({ label: "Eskilstuna kommun" });
  const regionTable = maria.page.getByTestId("invoice-table");
  await expect(regionTable).toContainText("Kommunklar meddelades per telefon dagen innan.");
  await expectAccessible(maria.page);
  await regionTable.getByLabel(/Regionens svar om/).fill(answer);
  await expectAccessible(maria.page);
  await regionTable.getByRole("button", { name: "Skicka svar" }).click();
  await expect(regionTable).toContainText(`Svar från Maria Ekholm: ${answer}`);
  await expect(regionTable.getByRole("button", { name: "Skicka svar" })).toHaveCount(0);
  await expectAccessible(maria.page);
  await maria.context.close();

  const per = await openSession(browser, urls.forvaltning, "Per Sandberg");
  await expect(per.page.getByRole("heading", { level: 1, name: "Faktureringsunderlag, betalningsansvar" })).toBeVisible();
  const kommunTable = per.page.getByTestId("invoice-table");
  await expect(kommunTable).toContainText(`Svar från Maria Ekholm: ${answer}`);
  await expect(kommunTable).not.toContainText("Väntar på svar från regionen");
  await expectAccessible(per.page);
  await per.context.close();
});
