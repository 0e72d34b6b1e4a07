import { expect, type Locator, type Page } from "@playwright/test";
import { expectAccessible, openWorklist, urls, test } from "./support";

// The case page at a laptop's 1280×720: what to do and what one can send in view from the start
// and while scrolling; sections one can jump between; acknowledgements one line each; older
// versions collapsed; focus on the page heading after each in-app navigation. The discharge notice
// warns before the send and asks for a confirmation with a reason; consent is one prefilled form
// with "kan inte ta ställning" and a representative, its status always in the header.
test.describe.configure({ mode: "serial" });

const VIEWPORT = { width: 1280, height: 720 };
const status = (page: Page) => page.getByTestId("case-status");
const daysAhead = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

/** The element's box, which must lie wholly within the first screen (no scrolling). */
async function inFirstViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  const scrollY = await page.evaluate(() => window.scrollY);
  const top = Math.round(box!.y + scrollY);
  const where = `${what}: x ${Math.round(box!.x)}, y ${Math.round(box!.y)} på skärmen (${top} på sidan), ${Math.round(box!.width)}×${Math.round(box!.height)} px`;
  test.info().annotations.push({ type: "position", description: where });
  console.log(where);
  expect(box!.y, `${what} börjar inom skärmen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} slutar inom skärmen`).toBeLessThanOrEqual(VIEWPORT.height);
  return box!;
}

test("the case page at 1280×720: to-do and actions in view, sections, consent with a representative, warnings before the discharge notice", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  await ward.setViewportSize(VIEWPORT);

  // An in-app navigation moves focus to the new page's heading.
  await ward.getByRole("link", { name: "Ny samordning" }).click();
  await expect(ward.getByRole("heading", { level: 1 })).toBeFocused();
  await ward.getByLabel("Personnummer").fill("19121212-1212");
  await ward.getByRole("button", { name: "Hämta" }).click();
  await expect(ward.getByTestId("patient-summary")).toContainText("Tolvan Tolvansson");
  await ward.getByRole("button", { name: "Skapa ärende" }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  const caseUrl = ward.url();
  await expect(ward.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeFocused();
  await expectAccessible(ward);

  // Consent: the patient cannot take a position on transfer to the kommun or on NPÖ; a god man
  // consents to transfer to the vårdcentral and to SIP.
  await expect(ward.getByTestId("consent-status")).toContainText("Informationsöverföring till kommunen: inte dokumenterat");
  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  let form = ward.getByTestId("form-samtycke");
  await form.getByRole("group", { name: "Vem tar ställning?" }).getByRole("radio", { name: "God man" }).check();
  await form.getByLabel("Företrädarens namn").fill("Anna Ek");
  const choose = (f: Locator, kind: string, answer: string) => f.getByRole("group", { name: kind }).getByRole("radio", { name: answer, exact: true });
  await choose(form, "Informationsöverföring till kommunen", "Kan inte ta ställning").check();
  await choose(form, "Informationsöverföring till vårdcentralen/öppenvården", "Samtycker").check();
  await choose(form, "Läsning i NPÖ (sammanhållen journalföring)", "Kan inte ta ställning").check();
  await choose(form, "Samordnad individuell plan (SIP)", "Samtycker").check();
  await form.getByLabel("Kommentar om samtycket").fill("Förordnandet omfattar att sörja för person.");
  await expectAccessible(ward);
  await form.getByRole("button", { name: "Spara samtycke" }).click();
  // It was registered in the case, not sent to anyone, and the confirmation says so.
  await expect(status(ward)).toContainText("Samtycke registrerat i ärendet. Det har inte skickats till någon.");
  await expect(status(ward)).not.toContainText("Skickat");
  const consentStatus = ward.getByTestId("consent-status");
  await expect(consentStatus).toContainText("Informationsöverföring till kommunen: kan inte ta ställning");
  await expect(consentStatus).toContainText("Informationsöverföring till vårdcentralen/öppenvården: samtycker (god man Anna Ek)");
  await expect(consentStatus).toContainText("Läsning i NPÖ (sammanhållen journalföring): kan inte ta ställning");

  // Opened again, the form shows what is recorded.
  await ward.getByRole("button", { name: "Dokumentera samtycke" }).click();
  form = ward.getByTestId("form-samtycke");
  await expect(choose(form, "Informationsöverföring till kommunen", "Kan inte ta ställning")).toBeChecked();
  await expect(choose(form, "Samordnad individuell plan (SIP)", "Samtycker")).toBeChecked();
  await expect(form.getByRole("group", { name: "Vem tar ställning?" }).getByRole("radio", { name: "God man" })).toBeChecked();
  await expect(form.getByLabel("Företrädarens namn")).toHaveValue("Anna Ek");
  await expectAccessible(ward);
  await form.getByRole("button", { name: "Stäng" }).click();

  // The admission notice, then a correction with a free text: two versions of one message.
  await ward.getByRole("button", { name: "Skicka inskrivningsmeddelande" }).click();
  await ward.getByLabel("Beräknat utskrivningsdatum").fill(daysAhead(5));
  await ward.getByRole("button", { name: "Skicka", exact: true }).click();
  await expect(status(ward)).toContainText("Skickat: Inskrivningsmeddelande");
  await ward.getByRole("button", { name: /^Rätta inskrivningsmeddelande/ }).click();
  const correction = ward.getByTestId("form-rattelse-inskrivningsmeddelande");
  await correction.getByLabel("Beräknat utskrivningsdatum").fill(daysAhead(7));
  await correction.getByLabel("Fritext").fill("Patienten har en god man, Anna Ek.");
  await correction.getByRole("button", { name: "Skicka rättelse" }).click();
  await expect(status(ward)).toContainText("Skickat: Rättelse av inskrivningsmeddelande");
  // The older version is collapsed under the one that stands.
  const older = ward.getByTestId("timeline").getByTestId("older-versions");
  await expect(older).toHaveCount(1);
  await expect(older.locator("summary")).toContainText("Tidigare versioner (1)");
  await expect(older).not.toHaveAttribute("open", /.*/);
  await expect(older.getByTestId("message")).toBeHidden();
  await older.locator("summary").click();
  await expect(older.getByTestId("message")).toBeVisible();
  await expectAccessible(ward);
  await older.locator("summary").click();

  // At 1280×720 "Att göra" and "Åtgärder" are on the first screen, and stay in view at the bottom of the page.
  await ward.evaluate(() => window.scrollTo(0, 0));
  const todo = ward.getByRole("heading", { level: 2, name: "Att göra" });
  const actions = ward.getByRole("heading", { level: 2, name: "Åtgärder" });
  await inFirstViewport(ward, todo, "Att göra (överst)");
  await inFirstViewport(ward, actions, "Åtgärder (överst)");
  await inFirstViewport(ward, ward.getByTestId("actions").getByRole("button").first(), "Första åtgärdsknappen (överst)");
  await ward.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => ward.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await inFirstViewport(ward, todo, "Att göra (längst ned på sidan)");
  await inFirstViewport(ward, actions, "Åtgärder (längst ned på sidan)");
  console.log(`Sidans höjd: ${await ward.evaluate(() => document.body.scrollHeight)} px`);

  // The section nav jumps to each section and moves focus there.
  await ward.evaluate(() => window.scrollTo(0, 0));
  const nav = ward.getByRole("navigation", { name: "Avsnitt i ärendet" });
  for (const [label, id] of [
    ["SIP", "sip"],
    ["Dokument", "dokument"],
    ["Planering", "planering"],
    ["Meddelanden", "meddelanden"],
    ["Översikt", "oversikt"],
  ] as const) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(ward.locator(`#${id}`)).toBeFocused();
    await expect(ward.locator(`#${id}`)).toBeInViewport();
  }
  await expectAccessible(ward);

  // The kommun: an in-app navigation from the worklist lands on the heading; the acknowledgement is
  // one line, not the whole message; without consent only the basic level is shown.
  const berit = await openWorklist(browser, urls.kommun, "Berit Holm");
  await berit.setViewportSize(VIEWPORT);
  const row = berit.getByTestId("worklist").getByRole("row").filter({ hasText: "Tolvan Tolvansson" });
  await row.getByRole("link", { name: "Tolvan Tolvansson" }).click({ timeout: 15_000 });
  await expect(berit.getByRole("heading", { level: 1, name: "Tolvan Tolvansson" })).toBeFocused();
  await expect(berit.getByTestId("consent-banner")).toContainText(
    "Patienten kan inte ta ställning till informationsöverföring till kommunen, och ingen företrädare har samtyckt.",
  );
  await expect(berit.getByTestId("consent-status")).toContainText("Informationsöverföring till kommunen: kan inte ta ställning");
  const acks = berit.getByTestId("awaiting-ack");
  await expect(acks.getByTestId("ack-row")).toHaveCount(2);
  await expect(acks.getByTestId("message")).toHaveCount(0);
  const notice = berit.getByTestId("timeline").getByTestId("message").filter({ hasText: "Rättelse av inskrivningsmeddelande" });
  await expect(notice).toContainText("Delar av innehållet visas inte för din enhet.");
  await expect(berit.getByText("Patienten har en god man, Anna Ek.")).toHaveCount(0);
  await inFirstViewport(berit, berit.getByRole("heading", { level: 2, name: "Att göra" }), "Att göra hos kommunen");
  await inFirstViewport(berit, berit.getByRole("heading", { level: 2, name: "Åtgärder" }), "Åtgärder hos kommunen");
  await expectAccessible(berit);

  // Ready for discharge; the discharge notice's form warns before the send: no fast vårdkontakt,
  // no SIP call, no kommunklar. It is not sent without a confirmation and a reason.
  await ward.getByRole("button", { name: "Utskrivningsklar", exact: true }).click();
  await ward.getByLabel("Beslutande läkare").selectOption({ label: "Annan läkare (skriv namnet)" });
  await ward.getByLabel("Läkarens namn").fill("Dr Lisa Läkare");
  await ward.getByRole("button", { name: "Skicka utskrivningsklar" }).click();
  await expect(status(ward)).toContainText("Skickat: Utskrivningsklar");
  await ward.getByRole("button", { name: "Skicka utskrivningsmeddelande" }).click();
  const discharge = ward.getByTestId("form-utskrivningsmeddelande");
  const preflight = discharge.getByTestId("send-preflight");
  await expect(preflight).toContainText("Vårdcentralen har inte utsett någon fast vårdkontakt");
  await expect(preflight).toContainText("Ingen kallelse till SIP har skickats");
  await expect(preflight).toContainText("Kommunen har inte meddelat kommunklar");
  await expect(preflight).toContainText("Enligt lagen om samverkan vid utskrivning");
  await expect(preflight).not.toContainText(/\(N\d+\)/);
  await discharge.getByLabel("Utskrivningsplan").fill("Hem med hemtjänst två gånger per dag.");
  await discharge.getByLabel("Läkemedel 1").fill("Alvedon 1 g");
  await discharge.getByLabel("Dos och tidpunkt").fill("Vid behov");
  await expectAccessible(ward);
  await discharge.getByRole("button", { name: "Skicka utskrivningsmeddelande" }).click();
  await expect(discharge.getByRole("alert")).toContainText("Bekräfta att du skickar trots varningarna");
  await expect(discharge.getByRole("alert")).toContainText("Ange skälet till att du skickar ändå");
  await expect(ward.getByTestId("case-stage")).toHaveText("Utskrivningsklar");
  await expectAccessible(ward);
  await discharge.getByRole("checkbox", { name: "Jag har läst varningarna och skickar ändå" }).check();
  await discharge.getByLabel("Skäl till att meddelandet skickas ändå").fill("Patienten vill hem i dag; vårdcentralen kallar till SIP i hemmet.");
  await discharge.getByRole("button", { name: "Skicka utskrivningsmeddelande" }).click();
  await expect(status(ward)).toContainText("Skickat: Utskrivningsmeddelande");
  await expect(ward.getByTestId("case-stage")).toHaveText("Utskriven");
  // The reason is stored with the message and shown in the timeline.
  const despite = ward.getByTestId("timeline").getByTestId("sent-despite");
  await expect(despite).toContainText("Ingen kallelse till SIP har skickats");
  await expect(despite).toContainText("Skäl: Patienten vill hem i dag; vårdcentralen kallar till SIP i hemmet.");
  await expectAccessible(ward);

  // Tolvan's case was only for this test: closed, so the other specs can admit him.
  await ward.goto(caseUrl);
  await ward.getByRole("button", { name: "Avsluta ärende" }).click();
  await ward.getByRole("button", { name: "Avsluta ärendet" }).click();
  await expect(ward.getByTestId("case-stage")).toHaveText("Avslutad");
});
