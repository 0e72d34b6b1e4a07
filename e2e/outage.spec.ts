import { expect, type Locator, type Page } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// Outage mode through the real portals: Åsa Berg (Förvaltning) declares that the hospital
// EHR is down while Sanna Sjöberg (ward) and Berit Holm (kommun) have pages open; both switch to
// outage mode without a reload; Sanna works by phone and logs two calls; Åsa ends the outage;
// Sanna's after-registration list holds exactly what the rules say, and registering keeps the
// original times. Last, with the network gone, the offline page still shows the contact list.
test.describe.configure({ mode: "serial" });

/**
 * The banner must reach every open page without a reload; how fast is measured by `npm run bench`
 * (a test on a busy machine only checks that it happens, with a generous limit).
 */
const SWITCH_WAIT_MS = 20_000;
const NO_RELOAD_MARK = "window.__vkIngenOmladdning = true";
const STILL_SAME_PAGE = "window.__vkIngenOmladdning === true";

/** "2026-12-05T14:31" as Stockholm local time → the instant, as the portal reads its inputs. */
async function localInputToIso(page: Page, local: string): Promise<string> {
  return page.evaluate(`new Date(${JSON.stringify(local)}).toISOString()`);
}

const dateTimeOf = async (l: Locator) => (await l.getAttribute("datetime")) ?? "";

test("Åsa declares an outage, Sanna and Berit switch live, Sanna works by phone and after-registers with the original times", async ({ browser }) => {
  test.setTimeout(240_000);
  const asa = await openSession(browser, urls.forvaltning, "Åsa Berg");
  const sanna = await openSession(browser, urls.slutenvard, "Sanna Sjöberg");
  const berit = await openSession(browser, urls.kommun, "Berit Holm");
  for (const p of [sanna.page, berit.page]) {
    await expect(p.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();
    await expect(p.getByTestId("outage-banner")).toHaveCount(0);
    await p.evaluate(NO_RELOAD_MARK);
  }

  // Åsa: "Starta driftstörning", the form (a missing system is refused in Swedish), the confirm step.
  await asa.page.goto(`${urls.forvaltning}/driftstorningar`);
  await expect(asa.page.getByRole("heading", { level: 1, name: "Driftstörningar" })).toBeVisible();
  await expectAccessible(asa.page);
  await asa.page.getByRole("button", { name: "Starta driftstörning" }).click();
  const form = asa.page.getByTestId("declare-outage");
  await form.getByRole("button", { name: "Granska och starta" }).click();
  await expect(form.getByText("Välj vad som inte fungerar")).toBeVisible();
  await form.getByLabel("Vad fungerar inte?").selectOption("journalsystem");
  await form.getByLabel("Meddelande till användarna").fill("Cosmic går inte att nå. Arbeta enligt reservrutinen och logga varje samtal.");
  await expectAccessible(asa.page);
  await form.getByRole("button", { name: "Granska och starta" }).click();
  const confirm = asa.page.getByTestId("declare-confirm");
  await expect(confirm).toContainText("Journalsystemet");
  await expect(confirm).toContainText("hela Region Sörmland");
  await expectAccessible(asa.page);

  // The moment it is declared, both open pages show the banner, without a reload, within the limit.
  await confirm.getByRole("button", { name: "Starta driftstörning" }).dblclick();
  await Promise.all(
    [sanna.page, berit.page].map((p) => expect(p.getByTestId("outage-banner")).toContainText("Driftstörning pågår", { timeout: SWITCH_WAIT_MS })),
  );
  for (const p of [sanna.page, berit.page]) {
    expect(await p.evaluate(STILL_SAME_PAGE), "sidan laddades inte om").toBe(true);
    await expect(p.getByTestId("outage-banner")).toContainText("Cosmic går inte att nå");
    await expect(p.getByTestId("outage-banner-item")).toHaveCount(1);
    await expectAccessible(p);
  }
  await expect(asa.page.getByTestId("outage-admin-status")).toContainText("Driftstörningen är startad");
  // Double-clicked: one outage.
  await expect(asa.page.getByTestId("outage-list").getByRole("row").filter({ hasText: "Pågår" })).toHaveCount(1);
  const outageStart = new Date(await dateTimeOf(sanna.page.getByTestId("outage-banner-item").locator("time").first()));

  // A new page load shows it too, and the case view says whom to call.
  await sanna.page.reload();
  await expect(sanna.page.getByTestId("outage-banner")).toBeVisible();
  await sanna.page.getByTestId("worklist").getByRole("link", { name: "Lennart Berglöf" }).click();
  await expect(sanna.page.getByRole("heading", { level: 1, name: "Lennart Berglöf" })).toBeVisible();
  const panel = sanna.page.getByTestId("case-outage-panel");
  await expect(panel.getByRole("heading", { name: "Vem ska jag ringa?" })).toBeVisible();
  await expect(panel.getByTestId("outage-checklist")).toBeVisible();
  // A manual point of Sörmland's routine is ticked, and stays ticked with who did it.
  const envelope = panel.getByRole("checkbox", { name: /förslutet kuvert/ });
  await envelope.check();
  await expect(panel.getByTestId("outage-checklist")).toContainText("Bockad av Sanna Sjöberg");
  await expectAccessible(sanna.page);
  await sanna.page.reload();
  await expect(sanna.page.getByTestId("case-outage-panel").getByRole("checkbox", { name: /förslutet kuvert/ })).toBeChecked();

  // Call 1: the new estimated discharge date for Lennart, given to Berit at the kommun.
  await panel.getByRole("link", { name: "Logga telefonkontakt för ärendet" }).click();
  await expect(sanna.page.getByRole("heading", { level: 1, name: "Logga telefonkontakt" })).toBeVisible();
  const phone = sanna.page.getByTestId("phone-contact-form");
  await expect(phone.getByLabel("Ärende", { exact: true })).not.toHaveValue("");
  await expect(phone.getByLabel("Ärende", { exact: true }).locator("option:checked")).toContainText("Lennart Berglöf");
  await phone.getByLabel("Namn på den du talade med").fill("Berit Holm");
  const unitSelect = phone.getByLabel("Den andra partens enhet");
  await expect(unitSelect.locator("option", { hasText: "· Kommun" })).toHaveCount(1);
  await unitSelect.selectOption((await unitSelect.locator("option", { hasText: "· Kommun" }).getAttribute("value"))!);
  await phone.getByRole("checkbox", { name: "Beräknat utskrivningsdatum" }).check();
  const newDate = new Date(Date.now() + 4 * 86400_000).toISOString().slice(0, 10);
  await phone.locator("#tk-estimatedDischargeDate").fill(newDate);
  await phone.getByRole("radio", { name: "Lämnat" }).check();
  await phone.getByLabel("Mottagaren bekräftade att informationen tagits emot").check();
  await phone.getByLabel("Kommentar").fill("Hemtjänsten är informerad om det nya datumet.");
  await expectAccessible(sanna.page);
  await phone.getByRole("button", { name: "Logga telefonkontakt" }).dblclick();
  await expect(sanna.page.getByTestId("phone-status")).toContainText("Telefonkontakten är loggad");
  await expect(sanna.page.getByTestId("phone-status")).toContainText("Berit Holm");

  // Call 2: Tolvan Tolvansson, who has no open case, admitted during the outage: a provisional case.
  // A wrong check digit is refused in Swedish first, and nothing is logged.
  await phone.getByRole("radio", { name: "Patient utan ärende (personnummer)" }).check();
  await phone.getByLabel("Personnummer, samordningsnummer eller reservnummer").fill("19121212-1213");
  await phone.getByLabel("Namn på den du talade med").fill("Fredrik Vall");
  await phone.getByLabel("Den andra partens enhet").fill("Vårdcentralen Fröslunda");
  await phone.getByRole("checkbox", { name: "Inskrivning" }).check();
  await phone.getByRole("radio", { name: "Lämnat" }).check();
  await phone.getByRole("button", { name: "Logga telefonkontakt" }).click();
  await expect(phone.getByText(/kontrollsiffran/).first()).toBeVisible();
  await expectAccessible(sanna.page);
  await phone.getByLabel("Personnummer, samordningsnummer eller reservnummer").fill("19121212-1212");
  const callDate = await phone.getByLabel("Datum", { exact: true }).inputValue();
  const callTime = await phone.getByLabel("Klockslag").inputValue();
  await phone.getByRole("button", { name: "Logga telefonkontakt" }).dblclick();
  await expect(sanna.page.getByTestId("phone-status")).toContainText("Ett provisoriskt ärende har skapats");
  // The call's time as the form sends it: the minute typed, or the outage's start for a call in its first minute.
  const typed = new Date(await localInputToIso(sanna.page, `${callDate}T${callTime}`));
  const admissionCallAt = (typed < outageStart ? outageStart : typed).toISOString();

  // Berit's page is still the same page, in outage mode.
  expect(await berit.page.evaluate(STILL_SAME_PAGE)).toBe(true);

  // Åsa ends the outage: both pages switch back the same way.
  await asa.page.getByTestId("outage-admin-status").getByRole("link", { name: "Följ driftstörningen" }).click();
  await expect(asa.page.getByRole("heading", { level: 1 })).toContainText("Journalsystemet");
  await expect(asa.page.getByText("Loggade samtal").locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expectAccessible(asa.page);
  await asa.page.getByRole("button", { name: "Avsluta driftstörning" }).click();
  await expect(asa.page.getByTestId("end-confirm")).toBeVisible();
  await expectAccessible(asa.page);
  await asa.page.getByRole("button", { name: "Ja, avsluta driftstörningen" }).click();
  await Promise.all(
    [sanna.page, berit.page].map(async (p) => {
      await expect(p.getByTestId("outage-banner")).toHaveCount(0, { timeout: SWITCH_WAIT_MS });
      await expect(p.getByTestId("outage-ended")).toBeVisible();
    }),
  );
  expect(await berit.page.evaluate(STILL_SAME_PAGE)).toBe(true);
  await expectAccessible(berit.page);
  await expect(asa.page.getByTestId("outage-detail-status")).toContainText("Driftstörningen är avslutad");

  // Sanna's after-registration list: exactly the admission of the provisional case and the summary for Lennart.
  await sanna.page.getByTestId("outage-ended").getByRole("link", { name: "Se din enhets efterregistrering" }).click();
  await expect(sanna.page.getByRole("heading", { level: 1, name: "Efterregistrering" })).toBeVisible();
  const items = sanna.page.getByTestId("after-registration-item");
  await expect(items).toHaveCount(2);
  const admission = items.filter({ hasText: "Tolvan Tolvansson" });
  const summary = items.filter({ hasText: "Lennart Berglöf" });
  await expect(admission.getByRole("heading")).toHaveText("Registrera inskrivningsmeddelande och patientinformation");
  await expect(summary.getByRole("heading")).toHaveText("Sammanfattning av samordning under driftstörning");
  await expect(summary.getByLabel("Sammanfattningen")).toHaveValue(/Berit Holm/);
  await expect(summary.getByLabel("Sammanfattningen")).toHaveValue(/Hemtjänsten är informerad/);
  await expect(sanna.page.getByTestId("after-registration-progress")).toContainText("0 av 2");
  await expectAccessible(sanna.page);
  // Each item carries the time of the event: the admission call, and the outage's end for the summary.
  expect(await dateTimeOf(admission.getByTestId("event-at"))).toBe(admissionCallAt);
  const summaryAt = await dateTimeOf(summary.getByTestId("event-at"));
  expect(new Date(summaryAt).getTime()).toBeGreaterThan(outageStart.getTime());

  // Registering both (double-clicked: once each) keeps those times; who and when is recorded. The
  // admission notice needs the estimated discharge date, which the call did not give: refused in
  // Swedish next to the field, and nothing is registered until it is there.
  await admission.getByRole("button", { name: "Registrera" }).dblclick();
  await expect(admission.getByText("Beräknat utskrivningsdatum måste anges").first()).toBeVisible();
  await expect(items).toHaveCount(2);
  await expectAccessible(sanna.page);
  await admission.getByLabel("Beräknat utskrivningsdatum").fill(new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10));
  await admission.getByRole("button", { name: "Registrera" }).dblclick();
  await expect(sanna.page.getByTestId("after-registration-status")).toContainText("Registrerat: Registrera inskrivningsmeddelande");
  await expect(items).toHaveCount(1);
  await expect(sanna.page.getByTestId("after-registration-progress")).toContainText("1 av 2");
  await summary.getByRole("button", { name: "Registrera" }).click();
  await expect(sanna.page.getByTestId("after-registration-empty")).toBeVisible();
  await expect(sanna.page.getByTestId("after-registration-progress")).toContainText("Allt klart");
  const done = sanna.page.getByTestId("after-registration-done");
  await expect(done.getByRole("row")).toHaveCount(3);
  await expect(done).toContainText("Sanna Sjöberg");
  await expectAccessible(sanna.page);

  for (const [patient, kind, eventAt] of [
    ["Tolvan Tolvansson", "Inskrivningsmeddelande", admissionCallAt],
    ["Lennart Berglöf", "Sammanfattning av samordning under driftstörning", summaryAt],
  ] as const) {
    await sanna.page.goto(`${urls.slutenvard}/efterregistrering`);
    await done.getByRole("row").filter({ hasText: patient }).getByRole("link").click();
    await expect(sanna.page.getByRole("heading", { level: 1, name: patient })).toBeVisible();
    const message = sanna.page.getByTestId("message").filter({ has: sanna.page.getByRole("heading", { name: kind }) });
    await expect(message).toHaveCount(1);
    expect(await dateTimeOf(message.getByTestId("message-occurred-at")), `${kind}: den ursprungliga tiden`).toBe(eventAt);
    await expect(message.getByTestId("after-registered")).toContainText("Sanna Sjöberg");
    const registeredAt = new Date(await dateTimeOf(message.getByTestId("message-registered-at")));
    expect(registeredAt.getTime()).toBeGreaterThan(new Date(eventAt).getTime());
    await expectAccessible(sanna.page);
  }

  // The server out of reach: the service worker serves the offline page with the saved contact list.
  await sanna.page.goto(`${urls.slutenvard}/kontaktlista`);
  await expect(sanna.page.getByTestId("contact-list")).toBeVisible();
  const firstFunction = (await sanna.page.getByTestId("contact-list").locator("td, li").first().textContent())?.trim() ?? "";
  await sanna.page.waitForFunction(() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller));
  await sanna.page.waitForFunction(() => !!localStorage.getItem("vk-kontaktlista-offline"));
  await sanna.context.setOffline(true);
  await sanna.page.goto(`${urls.slutenvard}/arenden`).catch(() => undefined);
  await expect(sanna.page.getByTestId("offline-notice")).toBeVisible();
  await expect(sanna.page.getByTestId("offline-list-meta")).toBeVisible();
  await expect(sanna.page.getByTestId("contact-list")).toContainText("Eskilstuna kommun");
  if (firstFunction) await expect(sanna.page.getByTestId("contact-list")).toContainText(firstFunction);
  await expectAccessible(sanna.page);
  await sanna.context.setOffline(false);

  for (const s of [asa, sanna, berit]) await s.context.close();
});

test("Åsa edits Sörmland's backup routine: a blank name is refused in Swedish, a new confirmation deadline is saved and kept", async ({ browser }) => {
  const asa = await openSession(browser, urls.forvaltning, "Åsa Berg");
  const page = asa.page;
  await page.getByRole("link", { name: "Reservrutin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reservrutin för driftstörning" })).toBeVisible();
  const deadline = page.getByLabel("Tid för att bekräfta kontaktlistan (timmar)");
  await expect(deadline).toHaveValue("6"); // Region Sörmland, Reservrutin Link: six hours
  await expectAccessible(page);

  const name = page.getByLabel("Rutinens namn");
  const original = await name.inputValue();
  await name.fill("");
  await page.getByRole("button", { name: "Spara rutinen" }).click();
  await expect(page.getByText("Rutinens namn måste fyllas i").first()).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("Rutinens namn")).toHaveValue(original);

  await page.getByLabel("Tid för att bekräfta kontaktlistan (timmar)").fill("8");
  await page.getByRole("button", { name: "Spara rutinen" }).click();
  await expect(page.getByTestId("routine-status")).not.toBeEmpty();
  await expect(page.getByTestId("routine-version")).toContainText("Åsa Berg");
  await page.reload();
  await expect(page.getByLabel("Tid för att bekräfta kontaktlistan (timmar)")).toHaveValue("8");
  await expectAccessible(page);
  await asa.context.close();
});
