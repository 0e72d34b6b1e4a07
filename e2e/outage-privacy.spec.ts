import { expect, type Page } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// A logged phone call follows the patient's consent, through the real portals: in Region
// Västernorrland (so that the Sörmland flows of outage.spec.ts are untouched), Jonas Hedberg has
// refused information transfer to the kommun. During an outage Emma Nordin (ward) logs a call to
// Eva Sandberg (kommun) with a comment. Emma sees the comment; Eva, opening the case, sees that the
// call happened, when and with whom, and not what was said. After the outage the summary is drafted
// per recipient, and Emma sees who receives what before registering.
test.describe.configure({ mode: "serial" });

const COMMENT = "Patienten är rädd för att falla i trappan hemma.";

async function openCase(page: Page, name: string) {
  await page.getByTestId("worklist").getByRole("link", { name }).first().click({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a kommun without the patient's consent sees that a call happened, not what was said", async ({ browser }) => {
  test.setTimeout(240_000);
  const emma = await openSession(browser, urls.slutenvard, "Emma Nordin");
  const eva = await openSession(browser, urls.kommun, "Eva Sandberg");
  const admin = await openSession(browser, urls.forvaltning, "Mats Wallin");

  // The patient refuses information transfer to the kommun.
  await openCase(emma.page, "Jonas Hedberg");
  await emma.page.getByRole("button", { name: "Dokumentera samtycke" }).click();
  const consent = emma.page.getByTestId("form-samtycke");
  await consent.getByRole("group", { name: "Informationsöverföring till kommunen" }).getByRole("radio", { name: "Samtycker inte" }).check();
  await consent.getByRole("button", { name: "Spara samtycke" }).click();
  await expect(emma.page.getByTestId("case-status")).toContainText("Samtycke registrerat", { timeout: 15_000 });

  // The region's administrator declares that the journal system is down.
  await admin.page.goto(`${urls.forvaltning}/driftstorningar`);
  await admin.page.getByRole("button", { name: "Starta driftstörning" }).click();
  const form = admin.page.getByTestId("declare-outage");
  await form.getByLabel("Vad fungerar inte?").selectOption("journalsystem");
  await form.getByRole("button", { name: "Granska och starta" }).click();
  await admin.page.getByTestId("declare-confirm").getByRole("button", { name: "Starta driftstörning" }).click();
  await expect(admin.page.getByTestId("outage-admin-status")).toContainText("Driftstörningen är startad");
  await expect(emma.page.getByTestId("outage-banner")).toBeVisible({ timeout: 15_000 });

  // Emma logs the call to Eva, with a comment.
  const panel = emma.page.getByTestId("case-outage-panel");
  await panel.getByRole("link", { name: "Logga telefonkontakt för ärendet" }).click();
  const phone = emma.page.getByTestId("phone-contact-form");
  await expect(phone.getByLabel("Ärende", { exact: true }).locator("option:checked")).toContainText("Jonas Hedberg");
  await phone.getByLabel("Namn på den du talade med").fill("Eva Sandberg");
  const unitSelect = phone.getByLabel("Den andra partens enhet");
  await unitSelect.selectOption((await unitSelect.locator("option", { hasText: "· Kommun" }).getAttribute("value"))!);
  await phone.getByRole("checkbox", { name: "Beräknat utskrivningsdatum" }).check();
  await phone.locator("#tk-estimatedDischargeDate").fill(new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10));
  await phone.getByRole("radio", { name: "Lämnat" }).check();
  await phone.getByLabel("Mottagaren bekräftade att informationen tagits emot").check();
  await phone.getByLabel("Kommentar").fill(COMMENT);
  await phone.getByRole("button", { name: "Logga telefonkontakt" }).click();
  await expect(emma.page.getByTestId("phone-status")).toContainText("Telefonkontakten är loggad");

  // The ward sees the comment in the case's list of calls.
  await emma.page.goto(urls.slutenvard);
  await openCase(emma.page, "Jonas Hedberg");
  const wardCalls = emma.page.getByTestId("case-phone-contacts");
  await expect(wardCalls).toContainText("Eva Sandberg");
  await expect(wardCalls.getByTestId("phone-contact-comment")).toHaveText(COMMENT);
  await expectAccessible(emma.page);

  // Eva at the kommun: the call, when and with whom; not the comment.
  await eva.page.reload();
  await openCase(eva.page, "Jonas Hedberg");
  const kommunCalls = eva.page.getByTestId("case-phone-contacts");
  await expect(kommunCalls).toContainText("Eva Sandberg");
  await expect(kommunCalls).toContainText("Beräknat utskrivningsdatum");
  await expect(kommunCalls.getByTestId("phone-contact-redacted")).toHaveText("Samtalets innehåll visas inte för din enhet.");
  await expect(kommunCalls.getByTestId("phone-contact-comment")).toHaveCount(0);
  await expect(eva.page.getByText(COMMENT)).toHaveCount(0);
  await expectAccessible(eva.page);

  // The outage ends; the summary for the case is drafted per recipient, and Emma sees who gets what.
  await admin.page.getByTestId("outage-admin-status").getByRole("link", { name: "Följ driftstörningen" }).click();
  await admin.page.getByRole("button", { name: "Avsluta driftstörning" }).click();
  await admin.page.getByRole("button", { name: "Ja, avsluta driftstörningen" }).click();
  await expect(admin.page.getByTestId("outage-detail-status")).toContainText("Driftstörningen är avslutad");

  await emma.page.goto(`${urls.slutenvard}/efterregistrering`);
  await expect(emma.page.getByRole("heading", { level: 1, name: "Efterregistrering" })).toBeVisible();
  const summary = emma.page
    .getByTestId("after-registration-item")
    .filter({ hasText: "Jonas Hedberg" })
    .filter({ has: emma.page.getByRole("heading", { name: "Sammanfattning av samordning under driftstörning" }) });
  await expect(summary).toHaveCount(1);
  await expect(summary.getByTestId("summary-recipients-note")).toBeVisible();
  const groups = summary.getByTestId("summary-recipient-group");
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toContainText("Hela sammanfattningen");
  await expect(groups.nth(0).getByRole("textbox")).toHaveValue(new RegExp(COMMENT));
  await expect(groups.nth(1)).toContainText("Begränsad version");
  await expect(groups.nth(1).getByRole("textbox")).toHaveValue(/Eva Sandberg/);
  await expect(groups.nth(1).getByRole("textbox")).not.toHaveValue(new RegExp(COMMENT));
  await expectAccessible(emma.page);

  for (const s of [emma, eva, admin]) await s.context.close();
});
