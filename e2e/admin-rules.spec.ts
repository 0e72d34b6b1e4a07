import { expect } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// Förvaltning's Behörighetsregler and Testa inloggning through the real portals: Åsa Berg edits the
// region's utskrivningsledare rule with an exception for Petra Nyman, sees before/after for Petra
// before saving, saves, ends Petra's affected session (her next request logs in afresh and gets no
// context), and the simulator shows the change after saving. Axe on every page.

const PETRA_HSA_ID = "SE2321000032-P0010";
const ROLE = "Utskrivningsledare · Nyköpings lasarett · Region Sörmland";

test("Åsa edits a rule and the simulator shows the change before and after saving", async ({ browser }) => {
  const petra = await openSession(browser, urls.slutenvard, "Petra Nyman");
  const asa = await openSession(browser, urls.forvaltning, "Åsa Berg");
  const page = asa.page;

  await page.getByRole("navigation").getByRole("link", { name: "Behörighetsregler" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Behörighetsregler · Region Sörmland" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Utskrivningsledare för hela sjukhuset" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utskrivningsledare för hela sjukhuset" })).toBeVisible();
  await expect(page.getByTestId("regel-ger")).toHaveText("Utskrivningsledare i Slutenvård på närmaste sjukhus över uppdragets vårdenhet och enheterna under");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Ändra regeln" }).click();
  const exceptions = page.getByRole("group", { name: "Inget av dessa villkor får gälla (undantag)" });
  await exceptions.getByRole("button", { name: /Lägg till villkor/ }).click();
  const row = page.locator("#regel-when-none-0");
  await row.getByLabel("Uppgift från inloggningen").selectOption("person.employeeHsaId");
  await expectAccessible(page);

  // Testing the draft validates it like a save: the empty value is refused field by field, in Swedish.
  await page.getByLabel("Sök person").fill("Petra");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("button", { name: /Petra Nyman/ }).click();
  await page.getByRole("button", { name: "Visa före och efter" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Kontrollera uppgifterna" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Ange ett värde" })).toBeVisible();
  await expect(row.getByLabel("Värde")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await row.getByLabel("Värde").fill(PETRA_HSA_ID);
  await page.getByRole("button", { name: "Visa före och efter" }).click();
  const beforeAfter = page.getByTestId("fore-efter");
  await expect(beforeAfter.getByRole("status")).toContainText(`Försvinner: ${ROLE}`);
  await expect(beforeAfter.getByTestId("fore-simulering")).toContainText(ROLE);
  await expect(beforeAfter.getByTestId("efter-simulering")).toContainText("Inloggningen ger inget arbetssammanhang.");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Spara regeln" }).click();
  await expect(page.getByText("Regeln är sparad som version 2.")).toBeVisible();
  const affected = page.getByTestId("paverkade-sessioner");
  await expect(affected.getByLabel(/Petra Nyman/)).toBeChecked();
  await expect(affected).toContainText(`Förlorar: ${ROLE}`);
  await expect(page.getByRole("table")).toContainText("Åsa Berg");
  await expectAccessible(page);
  await affected.getByRole("button", { name: "Avsluta valda sessioner" }).click();
  await expect(affected.getByRole("status")).toHaveText("1 session avslutades.");

  // Petra's session is over: her next request logs her in again (the test IdP remembers her for the
  // browser session), and that login already follows the saved rule.
  await petra.page.reload();
  await expect(petra.page).toHaveURL(`${urls.slutenvard}/ingen-behorighet`);
  await expect(petra.page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  await expectAccessible(petra.page);

  // After saving, the simulator shows what Petra's next login gives: nothing, and why.
  await page.getByRole("navigation").getByRole("link", { name: "Testa inloggning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Testa inloggning" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Sök person").fill(PETRA_HSA_ID);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("button", { name: /Petra Nyman/ }).click();
  await page.getByRole("button", { name: "Testa inloggning" }).click();
  const result = page.getByTestId("resultat-simulering");
  await expect(result).toContainText("Inloggningen ger inget arbetssammanhang.");
  await expect(result).toContainText("Ingen regel gav något");
  await result
    .getByText(/Visa varför/)
    .first()
    .click();
  await expect(result).toContainText(`Undantaget HSA-id = "${PETRA_HSA_ID}" gäller`);
  await expectAccessible(page);

  // Pasted claims in the login's own form give the same answer.
  await page.getByLabel("Inklistrade inloggningsuppgifter").check();
  await page.getByLabel("Inloggningsuppgifter (JSON)").fill("{ inte json");
  await page.getByRole("button", { name: "Testa inloggning" }).click();
  await expect(page.getByTestId("error-notice")).toContainText("Uppgifterna är inte giltig JSON.");
  await expectAccessible(page);

  await petra.context.close();
  await asa.context.close();
});
