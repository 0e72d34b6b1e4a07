import { expect, type Page } from "@playwright/test";
import { expectAccessible, openWorklist, urls, consentToAll, test } from "./support";

// One whole discharge through the three care portals, each user in a browser context of their own:
// the ward admits Tolvan Tolvansson, the municipality and the vårdcentral answer in their portals,
// and every step appears in the other portals without a reload.
test.describe.configure({ mode: "serial" });

const sent = (page: Page, what: string) => expect(page.getByTestId("case-status")).toContainText(`Skickat: ${what}`, { timeout: 15_000 });
const row = (page: Page) => page.getByTestId("worklist").getByRole("row").filter({ hasText: "Tolvan Tolvansson" });

test("Tolvan Tolvansson is admitted, planned for and discharged by ward, municipality and vårdcentral together", async ({ browser }) => {
  test.setTimeout(180_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  const berit = await openWorklist(browser, urls.kommun, "Berit Holm");
  const fredrik = await openWorklist(browser, urls.primarvard, "Fredrik Vall");

  // Ny samordning: a wrong check digit is refused in Swedish; the right number finds Tolvan.
  await ward.getByRole("link", { name: "Ny samordning" }).click();
  await ward.getByLabel("Personnummer").fill("19121212-1213");
  await ward.getByRole("button", { name: "Hämta" }).click();
  await expect(ward.getByText(/kontrollsiffran/)).toBeVisible();
  await expect(ward.getByLabel("Personnummer")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(ward);
  await ward.getByLabel("Personnummer").fill("19121212-1212");
  await ward.getByRole("button", { name: "Hämta" }).click();
  await expect(ward.getByTestId("patient-summary")).toContainText("Tolvan Tolvansson");
  await expect(ward.getByLabel("Kommun")).not.toHaveValue("");
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Skapa ärende" }).dblclick();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeVisible();
  await expectAccessible(ward);

  // Consent, then the admission notice (double-clicked: sent once).
  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  expect(await consentToAll(ward)).toBe(4);
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(ward.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });
  await ward.getByRole("button", { name: "Skicka inskrivningsmeddelande" }).click();
  await ward.getByLabel("Beräknat utskrivningsdatum").fill(new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10));
  await ward.getByRole("button", { name: "Skicka", exact: true }).dblclick();
  await sent(ward, "Inskrivningsmeddelande");
  await expect(ward.getByTestId("timeline").getByRole("heading", { name: "Inskrivningsmeddelande" })).toHaveCount(1);

  // The municipality's and the vårdcentral's worklists show it without reload.
  await expect(row(berit)).toContainText("1 att kvittera", { timeout: 15_000 });
  await expect(row(fredrik)).toContainText("att kvittera", { timeout: 15_000 });
  await expectAccessible(berit);

  // Berit acknowledges and answers.
  await row(berit).getByRole("link", { name: "Tolvan Tolvansson" }).click();
  await expect(berit.getByTestId("awaiting-ack")).toBeVisible();
  await expectAccessible(berit);
  await berit
    .getByTestId("awaiting-ack")
    .getByRole("button", { name: /Kvittera/ })
    .first()
    .click();
  await expect(berit.getByTestId("awaiting-ack")).toHaveCount(0);
  await berit.getByRole("button", { name: "Svar på inskrivning" }).click();
  await berit.getByTestId("form-svar_pa_inskrivning").getByRole("radio", { name: "Ja" }).check();
  await berit.getByTestId("form-svar_pa_inskrivning").getByRole("checkbox", { name: "Hemtjänst", exact: true }).check();
  await berit.getByLabel("Om insatserna").fill("Hemtjänst två gånger per dag");
  await expectAccessible(berit);
  await berit.getByRole("button", { name: "Skicka svar" }).click();
  await sent(berit, "Svar på inskrivning");

  // The ward sees the answer and the acknowledgement arrive without reload.
  await expect(ward.getByTestId("case-status")).toContainText("Nytt meddelande: Svar på inskrivning", { timeout: 15_000 });
  await expect(ward.getByTestId("timeline")).toContainText("Kvitterat av Berit Holm");

  // Fredrik acknowledges and names himself fast vårdkontakt.
  await row(fredrik).getByRole("link", { name: "Tolvan Tolvansson" }).click();
  await fredrik
    .getByTestId("awaiting-ack")
    .getByRole("button", { name: /Kvittera/ })
    .first()
    .click();
  await expect(fredrik.getByTestId("awaiting-ack")).toHaveCount(0);
  await fredrik.getByRole("button", { name: "Svar på inskrivning" }).click();
  await fredrik.getByTestId("form-svar_pa_inskrivning").getByRole("radio", { name: "Ja" }).check();
  await fredrik.getByRole("checkbox", { name: "Inga insatser" }).check();
  const option = fredrik.getByLabel("Fast vårdkontakt").locator("option", { hasText: "Fredrik Vall" });
  await fredrik.getByLabel("Fast vårdkontakt").selectOption({ label: (await option.textContent())! });
  await expectAccessible(fredrik);
  await fredrik.getByRole("button", { name: "Skicka svar" }).click();
  await sent(fredrik, "Svar på inskrivning");
  await expect(ward.getByTestId("parties")).toContainText("Fast vårdkontakt: Fredrik Vall", { timeout: 15_000 });
  await expectAccessible(ward);

  // Ready for discharge (a physician's decision recorded by the ward) appears at the municipality.
  await ward.getByRole("button", { name: "Utskrivningsklar", exact: true }).click();
  await ward.getByLabel("Beslutande läkare").selectOption({ label: "Annan läkare (skriv namnet)" });
  await ward.getByLabel("Läkarens namn").fill("Dr Lisa Läkare");
  await ward.getByRole("button", { name: "Skicka utskrivningsklar" }).click();
  await sent(ward, "Utskrivningsklar");
  await expect(ward.getByTestId("case-stage")).toHaveText("Utskrivningsklar");
  await expect(berit.getByTestId("awaiting-ack")).toBeVisible({ timeout: 15_000 });
  await expect(berit.getByText(/Utskrivningsklar dag 0/).first()).toBeVisible();
  await expectAccessible(berit);
  await berit.getByRole("button", { name: "Kommunklar" }).click();
  await berit.getByRole("button", { name: "Meddela redo att ta emot" }).click();
  await sent(berit, "Kommunklar");
  await expect(ward.getByTestId("parties")).toContainText(/Kommunklar|Redo/, { timeout: 15_000 });

  // Discharge notice with the plan and the medication list; the patient's summary prints as a PDF.
  await ward.getByRole("button", { name: "Skicka utskrivningsmeddelande" }).click();
  await ward.getByLabel("Utskrivningsplan").fill("Hem med hemtjänst två gånger per dag.");
  await ward.getByLabel("Läkemedel 1").fill("Alvedon 1 g");
  await ward.getByLabel("Dos och tidpunkt").fill("Vid behov");
  // No SIP has been called though the kommun and the vårdcentral are both needed afterwards: the
  // form says so before the send, and the ward confirms with a reason.
  const dischargeForm = ward.getByTestId("form-utskrivningsmeddelande");
  await expect(dischargeForm.getByTestId("send-preflight")).toContainText("Ingen kallelse till SIP har skickats");
  await dischargeForm.getByRole("checkbox", { name: "Jag har läst varningarna och skickar ändå" }).check();
  await dischargeForm.getByLabel("Skäl till att meddelandet skickas ändå").fill("Vårdcentralen kallar till SIP i hemmet");
  await expectAccessible(ward);
  await ward.getByRole("button", { name: "Skicka utskrivningsmeddelande" }).last().click();
  await sent(ward, "Utskrivningsmeddelande");
  await expect(ward.getByTestId("case-stage")).toHaveText("Utskriven");
  const pdfHref = await ward.getByRole("link", { name: "Skriv ut sammanfattning till patienten (PDF)" }).getAttribute("href");
  const pdf = await ward.request.get(`${urls.slutenvard}${pdfHref}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The case closes; the municipality sees it without reload.
  await ward.getByRole("button", { name: "Avsluta ärende" }).click();
  await ward.getByRole("button", { name: "Avsluta ärendet" }).click();
  await sent(ward, "Avsluta ärende");
  await expect(ward.getByTestId("case-stage")).toHaveText("Avslutad");
  await expect(berit.getByTestId("case-stage")).toHaveText("Avslutad", { timeout: 15_000 });
  await expectAccessible(ward);
  await expectAccessible(berit);
});
