import { expect } from "@playwright/test";
import { expectAccessible, openSession, urls, test } from "./support";

// Förvaltning's Organisation and Personal through the real portals: Tomas Wik, Eskilstuna kommun's
// delegated administrator, corrects a phone number of one of the kommun's units (a bad number is
// refused in Swedish first) and finds it in the contact list; he finds no other organisation, in
// the tree or in the staff search. Åsa Berg, the region's system administrator, ends the session
// of a ward nurse working in Slutenvård, whose next page load goes to the login.
test.describe.configure({ mode: "serial" });

const NEW_PHONE = "016-710 44 55";

test("Tomas Wik administers Eskilstuna's units and finds no other organisation", async ({ browser }) => {
  test.setTimeout(180_000);
  // Staff of another kommun and of the region who have logged in: they exist, and must not be found.
  const sofia = await openSession(browser, urls.kommun, "Sofia Lund");
  await sofia.context.close();
  const tomas = await openSession(browser, urls.forvaltning, "Tomas Wik");
  const page = tomas.page;
  await expect(page.getByRole("heading", { level: 1, name: /Översikt · Eskilstuna kommun/ })).toBeVisible();
  await expect(page.getByTestId("oversikt-avvikelser")).toBeVisible();
  await expect(page.getByTestId("oversikt-telefon")).toBeVisible();
  // A kommun's administrator does not review logs (separation of duties): neither on the start page nor in the menu.
  await expect(page.getByTestId("oversikt-loggkontroll")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Loggkontroll" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("navigation").getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation · Eskilstuna kommun" })).toBeVisible();
  const tree = page.getByTestId("unit-tree");
  await expect(tree.getByRole("rowheader", { name: "Biståndsenheten Eskilstuna" })).toBeVisible();
  // Only Eskilstuna: no organisation to choose, no unit of another kommun or of the region.
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveCount(0);
  const hsaIds = await page.getByTestId("unit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-hsa-id") ?? ""));
  expect(hsaIds.length).toBeGreaterThan(2);
  expect(hsaIds.filter((id) => !id.startsWith("SE2120000357-"))).toEqual([]);
  await expect(page.getByText(/Nyköping|Mälarsjukhuset|Region Sörmland/)).toHaveCount(0);
  await expectAccessible(page);

  // A number that is not a number is refused in Swedish, listed at the top with a link to the field.
  await tree.getByRole("button", { name: "Ändra Biståndsenheten Eskilstuna" }).click();
  const panel = page.getByTestId("org-panel");
  await expect(panel.getByRole("heading", { name: "Ändra Biståndsenheten Eskilstuna" })).toBeFocused();
  await panel.getByLabel("Telefon").fill("ring växeln");
  await panel.getByLabel("Postnummer").fill("63");
  await panel.getByRole("button", { name: "Spara" }).click();
  const summary = panel.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Telefonnummer får bara innehålla siffror");
  await expect(summary).toContainText("Ange postnumret med fem siffror");
  await expect(panel.getByLabel("Telefon")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await panel.getByLabel("Postnummer").fill("631 86");
  await panel.getByLabel("Telefon").fill(NEW_PHONE);
  await panel.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByTestId("org-status")).toContainText("Kontaktlistan har uppdaterats");
  await expect(tree.getByRole("row", { name: /Biståndsenheten Eskilstuna/ })).toContainText(NEW_PHONE);

  // The import shows its preview before anything is applied; a file with wrong rows cannot be applied.
  await page.getByRole("button", { name: "Läs in enhetslista" }).click();
  await expect(page.getByRole("heading", { name: "Läs in enhetslista från HSA-katalogen" })).toBeFocused();
  const csv = [
    "HSA-id;Namn;Enhetstyp;Överordnad;Telefon",
    "SE2120000357-BIST;Biståndsenheten Eskilstuna;Biståndsenhet;SE2120000357-VG;016-710 44 55",
    "SE2120002940-BIST;Biståndsenheten Nyköping;Biståndsenhet;SE2120000357-VG;",
    "SE2120000357-X1;Ny enhet;Bageri;SE2120000357-VG;",
  ].join("\n");
  await page.getByLabel("CSV-fil").setInputFiles({ name: "enheter.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Granska filen" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { name: "Förhandsgranskning av enheter.csv" })).toBeFocused();
  await expect(preview).toContainText("Rad 3: enheten SE2120002940-BIST hör till en annan organisation.");
  await expect(preview).toContainText('enhetstypen "Bageri" finns inte');
  // The rest of Eskilstuna's units are missing from the file: they would be deactivated, but nothing can be applied.
  await expect(preview).toContainText("Avaktiveras (saknas i filen)");
  await expect(preview.getByRole("button", { name: "Läs in ändringarna" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByTestId("org-panel").getByRole("button", { name: "Avbryt" }).click();

  // The contact list shows the unit's new number.
  await page.getByRole("navigation").getByRole("link", { name: "Kontaktlista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kontaktlista driftstörning" })).toBeVisible();
  await expect(page.getByText(NEW_PHONE).first()).toBeVisible();
  await expectAccessible(page);

  // Personal: his own staff are found; the region's and another kommun's are not.
  await page.getByRole("navigation").getByRole("link", { name: "Personal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  await expectAccessible(page);
  const search = page.getByRole("search", { name: "Sök personal" });
  for (const query of ["Sofia Lund", "Sanna"]) {
    await search.getByLabel("Namn eller HSA-id").fill(query);
    await search.getByRole("button", { name: "Sök" }).click();
    await expect(page.getByTestId("people-results")).toContainText(`Ingen i din organisation matchar "${query}"`);
  }
  await search.getByLabel("Namn eller HSA-id").fill("Tomas");
  await search.getByRole("button", { name: "Sök" }).click();
  await page.getByTestId("people-results").getByRole("button", { name: "Tomas Wik" }).click();
  const person = page.getByTestId("person-detail");
  await expect(person.getByRole("heading", { name: "Tomas Wik" })).toBeFocused();
  await expect(person).toContainText("Förvaltning");
  await expectAccessible(page);
  await tomas.context.close();
});

test("Åsa Berg ends the session of a nurse signed in to Slutenvård; the nurse's next page load goes to the login", async ({ browser }) => {
  test.setTimeout(180_000);
  const sanna = await openSession(browser, urls.slutenvard, "Sanna Sjöberg");
  await expect(sanna.page.getByRole("heading", { level: 1, name: "Min arbetsyta" })).toBeVisible();

  const asa = await openSession(browser, urls.forvaltning, "Åsa Berg");
  const page = asa.page;
  await page.goto(`${urls.forvaltning}/personal`);
  const search = page.getByRole("search", { name: "Sök personal" });
  await search.getByLabel("Namn eller HSA-id").fill("Sanna");
  await search.getByRole("button", { name: "Sök" }).click();
  await page.getByTestId("people-results").getByRole("button", { name: "Sanna Sjöberg" }).click();
  const person = page.getByTestId("person-detail");
  await expect(person.getByRole("heading", { name: "Sanna Sjöberg" })).toBeFocused();
  // Nothing chosen: refused in Swedish.
  await person.getByRole("button", { name: "Avsluta session" }).click();
  await expect(person).toContainText("Välj minst en session att avsluta");
  await expectAccessible(page);
  // Earlier tests may have left Sanna signed in to Slutenvård in other browsers too: end them all.
  const boxes = person.getByRole("checkbox", { name: /^Slutenvård: inloggad/ });
  await expect(boxes.first()).toBeVisible();
  const open = await boxes.count();
  for (let i = 0; i < open; i++) await boxes.nth(i).check();
  await person.getByRole("button", { name: "Avsluta session" }).click();
  await expect(page.getByTestId("sessions-status")).toContainText(open === 1 ? "1 session är avslutad" : `${open} sessioner är avslutade`);
  await expect(person).toContainText("Inga aktiva sessioner");
  await expectAccessible(page);

  // Sanna's next page load meets the login (the IdP may sign her in again by single sign-on, into a new session).
  const navigations: string[] = [];
  sanna.page.on("request", (r) => {
    if (r.isNavigationRequest()) navigations.push(r.url());
  });
  await sanna.page.reload();
  await expect.poll(() => navigations.some((u) => u.startsWith(`${urls.slutenvard}/logga-in`))).toBe(true);
  await expect.poll(() => navigations.some((u) => u.startsWith(urls.idp))).toBe(true);
  await asa.context.close();
  await sanna.context.close();
});
