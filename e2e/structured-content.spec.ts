import { expect, type Page } from "@playwright/test";
import { expectAccessible, openWorklist, urls, consentToAll, test } from "./support";

// Structured content where users expect it: Sanna Sjöberg (ward) fills a structured planning
// basis (ADL areas, risks, who handles the medicines and the medication list, aids, housing) and
// calls to SIP with the parties picked from the case; Berit Holm (kommun) sees the planning basis
// structured and accepts the call; the ward's internal note never reaches the kommun's portal.
test.describe.configure({ mode: "serial" });

const sent = (page: Page, what: string) => expect(page.getByTestId("case-status")).toContainText(`Skickat: ${what}`, { timeout: 15_000 });
const daysAhead = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const NOTE = "Dottern vill inte bli uppringd före kl. 10";

/** Ny samordning for Tolvan Tolvansson; a case an earlier spec left open is closed first (as wrongly created). */
async function newCaseForTolvan(ward: Page) {
  for (let attempt = 0; attempt < 2; attempt++) {
    await ward.getByRole("link", { name: "Ny samordning" }).click();
    await ward.getByLabel("Personnummer").fill("19121212-1212");
    await ward.getByRole("button", { name: "Hämta" }).click();
    await expect(ward.getByTestId("patient-summary")).toContainText("Tolvan Tolvansson");
    const open = ward.getByRole("link", { name: /öppna ärende/ });
    if ((await open.count()) === 0) break;
    await open.click();
    await ward.getByRole("button", { name: "Avsluta ärende" }).click();
    await ward.getByRole("radio", { name: "Makulerat (felaktigt upplagt)" }).check();
    await ward.getByRole("button", { name: "Avsluta ärendet" }).click();
    await sent(ward, "Avsluta ärende");
  }
  await ward.getByRole("button", { name: "Skapa ärende" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
}

test("a structured planning basis and a SIP call with parties: the kommun sees the structure and accepts, and never sees the ward's internal note", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  const berit = await openWorklist(browser, urls.kommun, "Berit Holm");

  await newCaseForTolvan(ward);
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  await consentToAll(ward);
  await ward.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(ward.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });
  await ward.getByRole("button", { name: "Skicka inskrivningsmeddelande" }).click();
  await ward.getByLabel("Beräknat utskrivningsdatum").fill(daysAhead(5));
  await ward.getByRole("button", { name: "Skicka", exact: true }).click();
  await sent(ward, "Inskrivningsmeddelande");

  // The planning basis, structured.
  await ward.getByRole("button", { name: "Uppdatera planeringsunderlag" }).click();
  const form = ward.getByTestId("form-planeringsunderlag");
  await form.getByLabel("Behov efter utskrivning").fill("Hjälp morgon och kväll");
  await form.getByLabel("Personlig hygien").selectOption({ label: "Behöver full hjälp" });
  await form.getByLabel("Förflyttning och gång").selectOption({ label: "Behöver visst stöd" });
  await form.getByRole("checkbox", { name: "Risk för fall" }).check();
  await form.getByLabel("Vem sköter läkemedlen efter utskrivningen?").selectOption({ label: "Kommunens hemsjukvård" });
  await form.getByLabel("Läkemedel 1").fill("Waran");
  await form.getByLabel("Dos och tidpunkt").fill("Enligt ordination");
  await form.getByRole("button", { name: "Lägg till läkemedel" }).click();
  await form.getByLabel("Läkemedel 2").fill("Alvedon 500 mg");
  await form.getByRole("checkbox", { name: "Rollator" }).check();
  await form.getByLabel("Boendeform").selectOption({ label: "Eget boende" });
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Skicka planeringsunderlag" }).click();
  await sent(ward, "Planeringsunderlag");

  // An internal note: the ward's own.
  await ward.getByLabel("Ny intern anteckning").fill(NOTE);
  await ward.getByRole("button", { name: "Spara anteckningen" }).click();
  await expect(ward.getByTestId("internal-notes")).toContainText(NOTE);

  // The SIP call: the kommun picked from the case's parties, a follow-up date.
  await ward.getByRole("button", { name: "Kalla till SIP" }).click();
  const call = ward.getByTestId("form-kallelse_sip");
  await call.getByLabel("Mötestid").fill(`${daysAhead(3)}T10:00`);
  await call.getByRole("checkbox", { name: "Mötet hålls via video" }).check();
  await call.getByRole("checkbox", { name: /\(Kommun\)/ }).check();
  await call.getByLabel("Övriga deltagare").fill("Patienten\nDottern");
  await call.getByRole("radio", { name: "Ja" }).check();
  await call.getByLabel("Uppföljning").fill(daysAhead(30));
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Skicka kallelse" }).click();
  await sent(ward, "Kallelse till SIP");
  await expect(ward.getByTestId("sip-answers")).toContainText("Har inte svarat");

  // Berit sees the planning basis structured, and accepts the call.
  const row = berit.getByTestId("worklist").getByRole("row").filter({ hasText: "Tolvan Tolvansson" });
  await row.getByRole("link", { name: "Tolvan Tolvansson" }).first().click({ timeout: 15_000 });
  await expect(berit.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  const timeline = berit.getByTestId("timeline-planering");
  for (const shown of [
    "Personlig hygien: Behöver full hjälp",
    "Förflyttning och gång: Behöver visst stöd",
    "Risk för fall",
    "Kommunens hemsjukvård",
    "Waran – Enligt ordination",
    "Rollator",
    "Eget boende",
  ]) {
    await expect(timeline).toContainText(shown);
  }
  await expectAccessible(berit);
  await berit.getByRole("button", { name: "Vi kommer", exact: true }).click();
  await expect(berit.getByTestId("sip-answers")).toContainText("Kommer (Berit Holm");
  await expect(ward.getByTestId("sip-answers")).toContainText("Kommer (Berit Holm", { timeout: 15_000 });

  // The ward's note is nowhere in the kommun's portal.
  await expect(berit.getByText(NOTE)).toHaveCount(0);
  await expect(berit.getByRole("region", { name: "Interna anteckningar" })).toContainText("Inga interna anteckningar.");
  await berit.reload();
  await expect(berit.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  await expect(berit.getByText(NOTE)).toHaveCount(0);
  await expectAccessible(berit);
  await expectAccessible(ward);
});
