import { expect, type Page } from "@playwright/test";
import { expectAccessible, openSession, openWorklist, urls, test } from "./support";

// Min arbetsyta as the clinicians use it: every due step with the law's deadlines set apart from
// acknowledgements, columns and sorting of one's choice, the kommun filter, Mira Dahl's list over
// both her wards, kommunklar as the kommun's single statement, and the list as cards on a phone.
test.describe.configure({ mode: "serial" });

const list = (page: Page) => page.getByTestId("worklist");
const rowOf = (page: Page, name: string) => page.getByTestId("worklist-row").filter({ hasText: name });

test("Sanna Sjöberg's list shows the law's deadlines apart from acknowledgements, with the columns and order she chooses and a kommun filter", async ({
  browser,
}) => {
  const sanna = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  await expect(list(sanna)).toBeVisible();
  // Every row says what is due, each step with how it is timed; acknowledgements have their own column.
  const due = list(sanna).getByTestId("worklist-due");
  await expect(due.first()).toBeVisible();
  await expect(list(sanna).locator('[data-deadline="lag"]').first()).toContainText(/Lagstadgad tidsgräns/);
  await expect(list(sanna).locator('[data-testid="worklist-due"] [data-deadline="kvittens"]')).toHaveCount(0);
  await expect(list(sanna).getByRole("columnheader", { name: "Kvittens" })).toBeVisible();
  // Red only for a missed legal deadline: every red step is a legal one.
  const red = list(sanna).locator("li.text-danger");
  for (let i = 0; i < (await red.count()); i++) await expect(red.nth(i)).toHaveAttribute("data-deadline", "lag");

  // Columns: add "Fast vårdkontakt" and "Inskriven", remove "Kommun".
  await sanna.getByText("Välj kolumner").click();
  await sanna.getByRole("checkbox", { name: "Fast vårdkontakt" }).check();
  await sanna.getByRole("checkbox", { name: "Inskriven" }).check();
  await expect(list(sanna).getByRole("columnheader", { name: "Fast vårdkontakt" })).toBeVisible();
  await expect(list(sanna).getByRole("columnheader", { name: "Inskriven" })).toBeVisible();
  // Sort by beräknat utskrivningsdatum: the header says so to a screen reader.
  await sanna.getByLabel("Sortera efter").selectOption({ label: "Beräknat utskrivningsdatum" });
  await expect(list(sanna).getByRole("columnheader", { name: "Beräknat utskrivningsdatum" })).toHaveAttribute("aria-sort", "ascending");
  await sanna.getByLabel("Ordning").selectOption("desc");
  await expect(list(sanna).getByRole("columnheader", { name: "Beräknat utskrivningsdatum" })).toHaveAttribute("aria-sort", "descending");
  await expectAccessible(sanna);

  // Filter by kommun: Eskilstuna's patients only.
  await sanna.getByRole("combobox", { name: "Kommun", exact: true }).selectOption({ label: "Eskilstuna kommun" });
  await sanna.getByRole("checkbox", { name: "Kommun", exact: true }).check();
  await expect(list(sanna).locator('[data-column="kommun"]').first()).toContainText("Eskilstuna kommun", { timeout: 15_000 });
  const kommuner = await list(sanna).locator('[data-column="kommun"]').allInnerTexts();
  expect(kommuner.every((k) => k.includes("Eskilstuna kommun"))).toBe(true);
  await expectAccessible(sanna);
});

test("Mira Dahl chooses one list over both her wards besides switching context", async ({ browser }) => {
  const { page: mira } = await openSession(browser, urls.slutenvard, "Mira Dahl");
  // Two contexts: she chooses the first, then the list offers "Alla mina enheter".
  if (mira.url().includes("/valj-sammanhang")) {
    await mira.getByRole("list", { name: "Dina arbetssammanhang" }).getByRole("button").first().click();
  }
  await expect(mira.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();
  await mira.getByRole("radio", { name: "Alla mina enheter" }).check();
  await expect(mira.getByRole("heading", { level: 1, name: "Min arbetsyta" }).locator("xpath=following-sibling::p[1]")).toHaveText("Alla mina enheter");
  // Her wards' cases in one list, each naming its ward (an empty list says so instead).
  await expect(list(mira).getByRole("columnheader", { name: "Enhet" }).or(mira.getByTestId("workspace-empty"))).toBeVisible({ timeout: 15_000 });
  await expectAccessible(mira);
});

test("Karin Ek's hemsjukvård no longer owes kommunklar once Berit Holm has sent it", async ({ browser }) => {
  test.setTimeout(180_000);
  // Alva Lindberg (Eskilstuna) is ready for discharge at Sanna's ward; the ward adds Eskilstuna's hemsjukvård.
  const sanna = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  await rowOf(sanna, "Alva Lindberg").getByRole("link", { name: "Alva Lindberg" }).click();
  await expect(sanna.getByRole("heading", { level: 1, name: "Alva Lindberg" })).toBeVisible();
  await sanna.getByRole("button", { name: "Lägg till part" }).click();
  await sanna.getByRole("searchbox", { name: "Sök enhet" }).fill("Hemsjukvård");
  const hsv = sanna
    .getByRole("group", { name: "Eskilstuna kommun" })
    .getByRole("radio", { name: /Hemsjukvård/ })
    .first();
  await hsv.check();
  await hsv.press("Enter");
  await expect(sanna.getByText(/är tillagd som part/)).toBeVisible();
  // The new party sees the case from the first message to it: a general message to the hemsjukvård.
  await sanna.getByRole("button", { name: "Generellt meddelande" }).click();
  await sanna.getByLabel("Ämne").fill("Hemsjukvården tillagd som part");
  await sanna.getByLabel("Meddelande", { exact: true }).fill("Patienten behöver hemsjukvård efter utskrivningen.");
  await sanna
    .getByRole("group", { name: "Mottagare" })
    .getByRole("checkbox", { name: /sjukvård/i })
    .first()
    .check();
  await sanna.getByRole("button", { name: "Skicka", exact: true }).click();
  await expect(sanna.getByTestId("case-status")).toContainText("Skickat", { timeout: 15_000 });

  // Karin starts from the hemsjukvård's start page (who is coming home); the case's to-do names the
  // kommun's statement while it is missing.
  const { page: karin } = await openSession(browser, urls.kommun, "Karin Ek");
  await expect(karin.getByRole("heading", { level: 1, name: "Hemsjukvårdens hemgångar" })).toBeVisible();
  await karin.getByTestId("home-comings").getByRole("link", { name: "Alva Lindberg" }).click({ timeout: 15_000 });
  await expect(karin.getByRole("heading", { level: 1, name: "Alva Lindberg" })).toBeVisible();
  const karinTodo = karin.getByRole("region", { name: "Att göra", exact: true });
  await expect(karinTodo).toContainText("Meddela kommunklar", { timeout: 15_000 });

  const berit = await openWorklist(browser, urls.kommun, "Berit Holm");
  await rowOf(berit, "Alva Lindberg").getByRole("link", { name: "Alva Lindberg" }).click();
  await berit.getByRole("button", { name: "Kommunklar", exact: true }).first().click();
  await berit.getByRole("button", { name: "Meddela redo att ta emot" }).click();
  await expect(berit.getByTestId("case-status")).toContainText("Skickat", { timeout: 15_000 });

  // Karin's case page follows live: the step is gone, the kommun's statement stands for all its units.
  await expect(karinTodo).toBeVisible();
  await expect(karinTodo).not.toContainText("Meddela kommunklar", { timeout: 15_000 });
  await expectAccessible(karin);
});

test("on a phone the worklist rows are cards with stage, steps and acknowledgement in view, under a folded header", async ({ browser }) => {
  const { context, page } = await openSession(browser, urls.slutenvard, "Sanna Sjöberg", { viewport: { width: 390, height: 844 } });
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();

  // The header folds: the menu is behind "Meny" and the header stays low.
  const header = page.locator("header").first();
  expect((await header.boundingBox())!.height).toBeLessThan(120);
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
  await page.getByRole("button", { name: "Meny" }).click();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
  await page.getByRole("button", { name: "Stäng meny" }).click();

  // Cards: nothing scrolls sideways, and stage, steps and acknowledgement are within the screen.
  const card = page.getByTestId("worklist-row").first();
  await expect(card).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const part of [card.getByTestId("worklist-due"), card.getByTestId("worklist-ack"), card.getByText(/Skede/).first()]) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  // The personnummer stays on one line (no break at the hyphen).
  const id = card.getByText(/^\d{8}-\d{4}$/).first();
  if (await id.count()) expect((await id.boundingBox())!.height).toBeLessThan(30);
  await expectAccessible(page);
  await context.close();
});
