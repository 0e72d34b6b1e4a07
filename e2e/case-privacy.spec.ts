import { expect, type Page } from "@playwright/test";
import { expectAccessible, openWorklist, urls, test } from "./support";

// Privacy inside a case, through the real portals: the kommun and the vårdcentral see a case only
// from the first message addressed to them, and the kommun cannot state a consent over the
// patient's refusal recorded by the ward.
test.describe.configure({ mode: "serial" });

const sent = (page: Page, what: string) => expect(page.getByTestId("case-status")).toContainText(`Skickat: ${what}`, { timeout: 15_000 });
const row = (page: Page) => page.getByTestId("worklist").getByRole("row").filter({ hasText: "Tolvan Tolvansson" });

async function expectWorklistWithout(page: Page, portalUrl: string) {
  await page.goto(portalUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();
  await expect(page.getByTestId("worklist")).toBeVisible();
  await expect(row(page)).toHaveCount(0);
  await expectAccessible(page);
}

async function expectCaseHidden(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Ärendet hittades inte" })).toBeVisible();
  await expect(page.getByText("Tolvan")).toHaveCount(0);
  await expectAccessible(page);
}

test("a case the ward has not notified is hidden from the kommun and the vårdcentral, and the kommun cannot override the patient's refusal", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  const berit = await openWorklist(browser, urls.kommun, "Berit Holm");
  const fredrik = await openWorklist(browser, urls.primarvard, "Fredrik Vall");

  // The ward opens the case for Tolvan and records the patient's consents: no to the kommun.
  await ward.getByRole("link", { name: "Ny samordning" }).click();
  await ward.getByLabel("Personnummer").fill("19121212-1212");
  await ward.getByRole("button", { name: "Hämta" }).click();
  await expect(ward.getByTestId("patient-summary")).toContainText("Tolvan Tolvansson");
  await ward.getByRole("button", { name: "Skapa ärende" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  const path = new URL(ward.url()).pathname;
  await expect(ward.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  await expectAccessible(ward);

  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  const form = ward.getByTestId("form-samtycke");
  await form.getByRole("group", { name: "Informationsöverföring till kommunen" }).getByRole("radio", { name: "Samtycker inte" }).check();
  for (const kind of [
    "Informationsöverföring till vårdcentralen/öppenvården",
    "Läsning i NPÖ (sammanhållen journalföring)",
    "Samordnad individuell plan (SIP)",
  ]) {
    await form.getByRole("group", { name: kind }).getByRole("radio", { name: "Samtycker", exact: true }).check();
  }
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(ward.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });

  // Nothing has been sent to the kommun or the vårdcentral: neither their lists nor the URL show it.
  await expectWorklistWithout(berit, urls.kommun);
  await expectWorklistWithout(fredrik, urls.primarvard);
  await expectCaseHidden(berit, `${urls.kommun}${path}`);
  await expectCaseHidden(fredrik, `${urls.primarvard}${path}`);

  // The admission notice goes to both; from now on they see the case.
  await berit.goto(urls.kommun);
  await expect(berit.getByTestId("worklist")).toBeVisible();
  await ward.getByRole("button", { name: "Skicka inskrivningsmeddelande" }).click();
  await ward.getByLabel("Beräknat utskrivningsdatum").fill(new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10));
  await ward.getByRole("button", { name: "Skicka", exact: true }).click();
  await sent(ward, "Inskrivningsmeddelande");
  await expect(row(berit)).toContainText("att kvittera", { timeout: 15_000 });
  await expectAccessible(berit);
  await fredrik.goto(`${urls.primarvard}${path}`);
  await expect(fredrik.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  await expectAccessible(fredrik);

  // Berit sees basic data only (the patient said no) and cannot state a consent over that no.
  await row(berit).getByRole("link", { name: "Tolvan Tolvansson" }).click();
  await expect(berit.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  await expect(berit.getByText(/Patienten har inte samtyckt till informationsöverföring till kommunen/)).toBeVisible();
  await expectAccessible(berit);
  await berit.getByRole("button", { name: "Ange befintliga samtycken" }).click();
  const held = berit.getByTestId("form-samtycke");
  // Only the consents a kommun can hold are offered.
  await expect(held.getByRole("group", { name: "Samtycken som kommunen redan har" }).getByRole("checkbox")).toHaveCount(2);
  await held.getByRole("checkbox", { name: "Informationsöverföring till kommunen" }).check();
  await expectAccessible(berit);
  await berit.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(berit.getByText(/Patienten har sagt nej till informationsöverföring till kommunen\. .*Inget har sparats\./).first()).toBeVisible();
  await expectAccessible(berit);

  // A consent the kommun does hold is recorded.
  await held.getByRole("checkbox", { name: "Informationsöverföring till kommunen" }).uncheck();
  await held.getByRole("checkbox", { name: "Samordnad individuell plan (SIP)" }).check();
  await berit.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(berit.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });

  // The refusal stands after a reload, and the ward's timeline shows each consent change with who, when and how.
  await berit.reload();
  await expect(berit.getByText(/Patienten har inte samtyckt till informationsöverföring till kommunen/)).toBeVisible();
  await expectAccessible(berit);
  await ward.reload();
  const consents = ward
    .getByTestId("timeline")
    .getByTestId("message")
    .filter({ has: ward.getByRole("heading", { name: "Samtycke", exact: true }) });
  await expect(consents).toHaveCount(2);
  // Newest first: the kommun's statement, then the patient's decisions recorded by the ward.
  const [byKommun, byWard] = [consents.nth(0), consents.nth(1)];
  await expect(byWard).toContainText("Sanna Sjöberg");
  await expect(byWard).toContainText("Informationsöverföring till kommunen: samtycker inte");
  await expect(byWard).toContainText("Av patienten");
  await expect(byWard.getByTestId("message-occurred-at")).toBeVisible();
  await expect(byKommun).toContainText("Berit Holm");
  await expect(byKommun).toContainText("Samtycken som kommunen redan har");
  await expect(byKommun).toContainText("Samordnad individuell plan (SIP)");
  await expect(byKommun.getByTestId("message-occurred-at")).toBeVisible();
  await expectAccessible(ward);

  // Leave Tolvan free for the other browser tests: the case was opened for this test only.
  await ward.getByRole("button", { name: "Avsluta ärende" }).click();
  await ward.getByRole("radio", { name: "Makulerat (felaktigt upplagt)" }).check();
  await ward.getByRole("button", { name: "Avsluta ärendet" }).click();
  await sent(ward, "Avsluta ärende");
});
