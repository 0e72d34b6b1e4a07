import { expect } from "@playwright/test";
import { expectAccessible, loginAs, signOut, urls, test } from "./support";

// The cast of Region Sörmland logs in to each portal through the test IdP and sees its context.
const cases = [
  { who: "Sanna Sjöberg", portal: () => urls.slutenvard, context: "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset" },
  { who: "Ulrika Lind", portal: () => urls.slutenvard, context: "Utskrivningsledare · Mälarsjukhuset" },
  { who: "Fredrik Vall", portal: () => urls.primarvard, context: "Vårdcentralen Fröslunda" },
  { who: "Berit Holm", portal: () => urls.kommun, context: "Biståndshandläggare" },
  { who: "Karin Ek", portal: () => urls.kommun, context: "Kommunsjuksköterska" },
  { who: "Hans Tjäder", portal: () => urls.kommun, context: "Hemtjänst" },
  { who: "Åsa Berg", portal: () => urls.forvaltning, context: "Systemförvaltare · Region Sörmland" },
];

for (const c of cases) {
  test(`${c.who} loggar in och ser sitt arbetssammanhang`, async ({ page }) => {
    await loginAs(page, c.portal(), c.who);
    const header = page.getByTestId("active-context");
    await expect(header).toContainText(c.who);
    await expect(header).toContainText(c.context);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });
}

test("Mira Dahl väljer mellan sina två avdelningar och kan byta", async ({ page }) => {
  await loginAs(page, urls.slutenvard, "Mira Dahl");
  await expect(page).toHaveURL(`${urls.slutenvard}/valj-sammanhang`);
  await expect(page.getByRole("heading", { name: "Välj arbetssammanhang" })).toBeVisible();
  const choices = page.getByRole("list", { name: "Dina arbetssammanhang" }).getByRole("button");
  await expect(choices).toHaveCount(2);
  const first = (await choices.nth(0).locator("span").first().textContent())!.trim();
  const second = (await choices.nth(1).locator("span").first().textContent())!.trim();
  expect(first).not.toEqual(second);

  await choices.nth(0).click();
  await expect(page).toHaveURL(`${urls.slutenvard}/`);
  await expect(page.getByTestId("active-context")).toContainText(first);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Byt arbetssammanhang" }).click();
  await expect(page.getByText("Aktivt nu")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(second) }).click();
  await expect(page).toHaveURL(`${urls.slutenvard}/`);
  await expect(page.getByTestId("active-context")).toContainText(second);
  await expect(page.getByTestId("active-context")).not.toContainText(first);
});

test("Nils Nord ser Ingen behörighet med skälen", async ({ page }) => {
  await loginAs(page, urls.slutenvard, "Nils Nord");
  await expect(page).toHaveURL(`${urls.slutenvard}/ingen-behorighet`);
  await expect(page.getByRole("heading", { name: "Ingen behörighet" })).toBeVisible();
  const reasons = page.getByTestId("denial-reasons");
  await expect(reasons).toContainText("Vård och behandling");
  await expect(reasons).toContainText("systemroll");
  await expectAccessible(page);
});

test("Berit Holm i Slutenvård hänvisas till Kommunportalen", async ({ page }) => {
  await loginAs(page, urls.slutenvard, "Berit Holm");
  await expect(page).toHaveURL(`${urls.slutenvard}/fel-portal`);
  const link = page.getByRole("link", { name: "Gå till Kommun" });
  await expect(link).toHaveAttribute("href", urls.kommun);
  await expectAccessible(page);
  // Single sign-on: following the link logs her straight in to the municipality portal.
  await link.click();
  await page.waitForURL(`${urls.kommun}/`);
  await expect(page.getByTestId("active-context")).toContainText("Berit Holm");
});

test("utloggning avslutar sessionen i portalen och hos IdP:n", async ({ page }) => {
  await loginAs(page, urls.primarvard, "Fredrik Vall");
  await signOut(page, urls.primarvard);
  await page.getByRole("link", { name: "Logga in igen" }).click();
  // The IdP session is gone too: the identity picker is shown again.
  await expect(page).toHaveURL(new RegExp(`^${urls.idp}/interaction/`));
  await expect(page.getByRole("button", { name: /Fredrik Vall/ })).toBeVisible();
});

test("hälsokontrollen svarar i varje portal", async ({ request }) => {
  for (const base of [urls.slutenvard, urls.primarvard, urls.kommun, urls.forvaltning]) {
    const res = await request.get(`${base}/api/health`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, database: "ok", migrations: { current: true } });
  }
});
