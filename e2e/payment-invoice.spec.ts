import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, openSession, urls } from "./support";

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
