import { expect, type Page } from "@playwright/test";
import { expectAccessible, openSession, openWorklist, urls, test } from "./support";

// Avvikelser in samverkan through the real portals: Sanna Sjöberg (Avd 12 Medicin) reports a
// deviation from a case to Eskilstuna kommun; Eskilstuna's MAS, Gunilla Rask, finds it in her list,
// investigates and answers; the ward sees the answer on the case and in its list and closes it; the
// kommun is mailed a notice without patient data; Förvaltning shows the counts.
//
// It works on a demo case (Alva Lindberg, ready for discharge, Eskilstuna kommun a party), so it
// leaves Tolvan alone for the specs that follow.
test.describe.configure({ mode: "serial" });

const PATIENT = "Alva Lindberg";
const DESCRIPTION = "Utskrivningsmeddelandet saknade läkemedelslistan och hemtjänsten fick inget besked om insulinet.";
const ANSWER = "Vi har gått igenom rutinen med biståndsenheten; läkemedelslistan begärs nu alltid innan kommunklar skickas.";

const mailUrl = () => {
  const v = process.env.E2E_MAIL;
  if (!v) throw new Error("E2E_MAIL saknas: kör webbläsartesterna med `npm test`.");
  return v;
};

async function openCase(ward: Page): Promise<string> {
  await ward.getByTestId("worklist").getByRole("link", { name: PATIENT }).click();
  await ward.waitForURL(/\/arenden\/[0-9a-f-]{36}$/);
  await expect(ward.getByRole("heading", { level: 1, name: PATIENT })).toBeVisible();
  return new URL(ward.url()).pathname;
}

test("a deviation reported from a case at the ward reaches Eskilstuna's MAS, who answers it, and the ward sees the answer", async ({ browser }) => {
  test.setTimeout(180_000);
  const ward = await openWorklist(browser, urls.slutenvard, "Sanna Sjöberg");
  const casePath = await openCase(ward);
  await expectAccessible(ward);

  // Sanna reports: the form offers the case's other organisation and refuses an empty description.
  const section = ward.getByTestId("case-deviations");
  await section.getByRole("button", { name: "Rapportera avvikelse" }).click();
  const form = ward.getByTestId("deviation-form");
  await expect(form.getByLabel("Avvikelsen gäller")).toHaveValue(/.+/);
  await expect(form.getByLabel("Avvikelsen gäller").locator("option:checked")).toHaveText("Eskilstuna kommun");
  await form.getByRole("group", { name: "Kategori" }).getByRole("radio", { name: "Information saknades" }).check();
  await form.getByRole("button", { name: "Skicka avvikelse" }).click();
  await expect(form.getByRole("alert")).toContainText("Skriv vad som hände.");
  await expectAccessible(ward);
  await form.getByLabel("Vad hände?").fill(DESCRIPTION);
  await form.getByRole("button", { name: "Skicka avvikelse" }).click();
  await expect(section.getByRole("status")).toContainText("Avvikelsen är rapporterad till Eskilstuna kommun.", { timeout: 15_000 });
  const onCase = section.getByTestId("deviation");
  await expect(onCase).toHaveCount(1);
  await expect(onCase.getByTestId("deviation-status")).toHaveText("Ny");
  await expectAccessible(ward);

  // Eskilstuna kommun's contact-list address is told, without a word about the patient.
  await expect
    .poll(async () => ((await (await fetch(`${mailUrl()}/api/messages?to=tomas.wik@example.se`)).json()) as { subject: string }[]).length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const mails = (await (await fetch(`${mailUrl()}/api/messages?to=tomas.wik@example.se`)).json()) as { subject: string; text: string; html: string | null }[];
  const notice = mails.find((m) => m.subject === "Ny avvikelse i samverkan i Vårdkedjan")!;
  expect(notice.text).toContain("En ny avvikelse har rapporterats till er organisation i Vårdkedjan.");
  for (const secret of ["Alva", "Lindberg", "200001252386", "000125-2386", "läkemedelslistan", "Avd 12", "Sanna"]) {
    expect(`${notice.subject}\n${notice.text}\n${notice.html ?? ""}`).not.toContain(secret);
  }

  // Gunilla Rask, MAS, finds it in her list with the patient (she may read the case) and answers.
  const { page: mas } = await openSession(browser, urls.kommun, "Gunilla Rask");
  await expectAccessible(mas);
  await mas.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avvikelser" }).click();
  await expect(mas.getByRole("heading", { level: 1, name: "Avvikelser i samverkan" })).toBeVisible();
  const row = mas.getByTestId("deviation-list").getByRole("row").filter({ hasText: PATIENT });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Avd 12 Medicin, Region Sörmland");
  await expect(row).toContainText("Väntar på er");
  await expectAccessible(mas);
  await row.getByRole("link", { name: "Information saknades" }).click();
  await expect(mas.getByRole("heading", { level: 1, name: "Avvikelse i samverkan" })).toBeVisible();
  await expect(mas.getByTestId("deviation-description")).toHaveText(DESCRIPTION);
  await expectAccessible(mas);
  await mas.getByRole("button", { name: "Påbörja utredning" }).click();
  await expect(mas.getByRole("status").filter({ hasText: "Utredningen är påbörjad." })).toBeVisible();
  await expect(mas.getByTestId("deviation-status")).toHaveText("Under utredning");
  await mas.getByRole("button", { name: "Besvara" }).click();
  await mas.getByLabel("Svar till den som rapporterade").fill(ANSWER);
  await expectAccessible(mas);
  await mas.getByRole("button", { name: "Skicka svar" }).click();
  await expect(mas.getByRole("status").filter({ hasText: "Svaret är skickat." })).toBeVisible();
  await expect(mas.getByTestId("deviation-status")).toHaveText("Besvarad");
  await expectAccessible(mas);

  // The ward sees the answer on the case, and in its list of reported deviations, and closes it.
  await ward.goto(`${urls.slutenvard}${casePath}`);
  const answered = ward.getByTestId("case-deviations").getByTestId("deviation");
  await expect(answered.getByTestId("deviation-answer")).toContainText(ANSWER);
  await expect(answered.getByTestId("deviation-answer")).toContainText("Gunilla Rask");
  await expect(answered.getByTestId("deviation-status")).toHaveText("Besvarad");
  await expectAccessible(ward);
  await ward.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avvikelser" }).click();
  await ward.getByRole("button", { name: "Rapporterade av oss" }).click();
  const mine = ward.getByTestId("deviation-list").getByRole("row").filter({ hasText: PATIENT });
  await expect(mine).toContainText("Besvarad");
  await expect(mine).toContainText("Eskilstuna kommun");
  await expectAccessible(ward);
  await mine.getByRole("link", { name: "Information saknades" }).click();
  await expect(ward.getByTestId("deviation-answer")).toContainText(ANSWER);
  await ward.getByRole("button", { name: "Avsluta avvikelsen" }).click();
  await expect(ward.getByRole("status").filter({ hasText: "Avvikelsen är avslutad." })).toBeVisible();
  await expect(ward.getByTestId("deviation-status")).toHaveText("Avslutad");
  await expectAccessible(ward);
});

test("Förvaltning shows the counts per category and month, and a kommun's administrator only the kommun's", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page: asa } = await openSession(browser, urls.forvaltning, "Åsa Berg");
  await asa.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Avvikelser" }).click();
  await expect(asa.getByRole("heading", { level: 1, name: "Avvikelser i samverkan" })).toBeVisible();
  await asa.getByLabel("Organisation").selectOption({ label: "Eskilstuna kommun" });
  const received = asa.getByTestId("deviation-statistics-received");
  await expect(received.getByRole("columnheader", { name: "Information saknades" })).toBeVisible();
  await expect(received.getByRole("row").nth(1).getByRole("cell").last()).toHaveText("1");
  await expect(asa.getByText(PATIENT)).toHaveCount(0);
  await expectAccessible(asa);

  const { page: tomas } = await openSession(browser, urls.forvaltning, "Tomas Wik");
  await tomas.goto(`${urls.forvaltning}/avvikelser`);
  await expect(tomas.getByRole("heading", { level: 1, name: "Avvikelser i samverkan" })).toBeVisible();
  await expect(tomas.getByLabel("Organisation")).toHaveCount(0);
  await expect(tomas.getByTestId("deviation-statistics-received").getByRole("caption")).toHaveText("Rapporterade till Eskilstuna kommun");
  await expect(tomas.getByTestId("deviation-statistics-received").getByRole("row").nth(1).getByRole("cell").last()).toHaveText("1");
  await expectAccessible(tomas);
});
