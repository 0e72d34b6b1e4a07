import { expect, type Page } from "@playwright/test";
import { expectAccessible, openSession, openWorklist, urls, consentToAll, test } from "./support";

// Home care in the loop, the inbox and a patient the register does not know, through the real
// portals: the ward admits a training patient, Berit Holm's decision brings in Karin Ek's
// hemsjukvård and a hemtjänst group, which then see the patient on their start pages.
test.describe.configure({ mode: "serial" });

const sent = (page: Page, what: string) => expect(page.getByTestId("case-status")).toContainText(`Skickat: ${what}`, { timeout: 15_000 });

test("Berit's decision brings home care into the case; the party picker searches by keyboard; the inbox opens the message", async ({ browser }) => {
  test.setTimeout(240_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");

  // Ny samordning: a course participant finds a training patient by town.
  await ward.getByRole("link", { name: "Ny samordning" }).click();
  await ward.getByText("Övningspatienter (för utbildning)").click();
  await ward.getByLabel("Namn eller ort").fill("Eskilstuna Karlsson");
  await ward.getByRole("button", { name: "Sök övningspatient" }).click();
  const pick = ward.getByRole("list", { name: "Övningspatienter" }).getByRole("button").first();
  await expect(pick).toBeVisible();
  await expectAccessible(ward);
  const label = (await pick.textContent())!;
  const name = /^Välj ([^,(]+)/.exec(label)![1]!.trim();
  await pick.click();
  await expect(ward.getByTestId("patient-summary")).toContainText(name);
  await ward.getByRole("button", { name: "Skapa ärende" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name })).toBeVisible();
  const caseUrl = ward.url();

  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  await consentToAll(ward);
  await ward.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(ward.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });
  await ward.getByRole("button", { name: "Skicka inskrivningsmeddelande" }).click();
  await ward.getByLabel("Beräknat utskrivningsdatum").fill(new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10));
  await ward.getByRole("button", { name: "Skicka", exact: true }).click();
  await sent(ward, "Inskrivningsmeddelande");

  // "Lägg till part" by keyboard: type in the search, Tab to the first unit left, Space, Enter.
  await ward.getByRole("button", { name: "Lägg till part" }).click();
  const search = ward.getByRole("searchbox", { name: "Sök enhet" });
  await search.focus();
  await ward.keyboard.type("psykiatrisk");
  await expect(ward.getByText(/^\d+ av \d+ enheter visas$/)).toBeVisible();
  await expect(ward.getByRole("group", { name: "Region Sörmland" })).toBeVisible();
  await expect(ward.getByRole("group", { name: "Eskilstuna kommun" })).toHaveCount(0);
  await expectAccessible(ward);
  await ward.keyboard.press("Tab");
  await ward.keyboard.press("Space");
  await expect(ward.getByRole("radio").first()).toBeChecked();
  await ward.keyboard.press("Enter");
  await expect(ward.getByText(/är tillagd som part/)).toBeVisible({ timeout: 15_000 });

  // Berit finds the notice in her inbox and opens it in its case.
  const { page: berit } = await openSession(browser, urls.kommun, "Berit Holm");
  await berit.getByRole("link", { name: "Inkorg" }).click();
  await expect(berit.getByRole("heading", { level: 1, name: "Inkorg" })).toBeVisible();
  const item = berit.getByTestId("inbox").getByRole("link", { name: new RegExp(`Inskrivningsmeddelande – ${name}`) });
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expectAccessible(berit);
  await item.click();
  await berit.waitForURL(/\/arenden\/[0-9a-f-]{36}#m-/);
  await expect(berit.getByRole("heading", { level: 1, name })).toBeVisible();

  // Her decision names the kommun's hemsjukvård and a hemtjänst group.
  await berit.getByRole("button", { name: "Meddela beslut" }).click();
  const form = berit.getByTestId("form-meddela_beslut");
  await form.getByLabel("Beslutade insatser").fill("Hemtjänst morgon och kväll\nHemsjukvård: läkemedel");
  await form.getByLabel(/Hemsjukvården Eskilstuna/).check();
  await form.getByLabel(/Hemtjänst Fröslunda/).check();
  await expectAccessible(berit);
  await form.getByRole("button", { name: "Skicka", exact: true }).click();
  await sent(berit, "Meddela beslut");
  await expect(berit.getByTestId("parties")).toContainText("Hemsjukvården Eskilstuna");
  await expect(berit.getByTestId("parties")).toContainText("Hemtjänst Fröslunda");

  // Karin Ek (hemsjukvård) and Hans Tjäder (hemtjänst) see the patient on their start pages.
  const { page: karin } = await openSession(browser, urls.kommun, "Karin Ek");
  await expect(karin.getByRole("heading", { level: 1, name: "Hemsjukvårdens hemgångar" })).toBeVisible();
  await expect(karin.getByTestId("home-comings")).toContainText(name);
  await expectAccessible(karin);
  const { page: hans } = await openSession(browser, urls.kommun, "Hans Tjäder");
  await expect(hans.getByRole("heading", { level: 1, name: "Hemtjänstens hemgångar" })).toBeVisible();
  await expect(hans.getByTestId("home-comings")).toContainText(name);
  await expect(hans.getByTestId("home-comings")).not.toContainText("läkemedel");
  await expectAccessible(hans);
  await hans.getByRole("link", { name, exact: true }).click();
  await expect(hans.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(hans);
  expect(caseUrl).toContain("/arenden/");
});

test("a nurse admits a patient the register does not know by registering name and address, and sees the flag", async ({ browser }) => {
  test.setTimeout(120_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  await ward.getByRole("link", { name: "Ny samordning" }).click();
  // One of Skatteverket's test personnummer that the demo register does not hold.
  await ward.getByLabel("Personnummer").fill("19910717-2380");
  await ward.getByRole("button", { name: "Hämta" }).click();
  await expect(ward.getByTestId("patient-summary")).toContainText("Personen finns inte i folkbokföringen");
  await expectAccessible(ward);
  await ward.getByLabel("Förnamn").fill("Ines");
  await ward.getByLabel("Efternamn").fill("Testberg");
  await ward.getByLabel("Gatuadress").fill("Provgatan 1");
  await ward.getByLabel("Postnummer").fill("632 20");
  await ward.getByLabel("Postort").fill("Eskilstuna");
  await ward.getByLabel("Kommun").selectOption({ label: "Biståndsenheten Eskilstuna (Eskilstuna kommun)" });
  await ward.getByRole("button", { name: "Skapa ärende" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name: /Ines Testberg/ })).toBeVisible();
  await expect(ward.getByTestId("register-unchecked")).toHaveText("Ej kontrollerad mot folkbokföringen");
  await expectAccessible(ward);
  // The worklist's inbox entry point exists in the menu of the ward too.
  await ward.getByRole("link", { name: "Inkorg" }).click();
  await expect(ward.getByRole("heading", { level: 1, name: "Inkorg" })).toBeVisible();
  await expectAccessible(ward);
});
