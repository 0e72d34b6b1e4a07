import { describe, expect, it } from "vitest";
import { DEVIATION_NOTICE_SENTENCE, deviationNoticeMail } from "./templates";

describe("deviationNoticeMail", () => {
  it("says only that a deviation has arrived, with the link to the list and the no-patient-data note", () => {
    const mail = deviationNoticeMail({ listUrl: "https://kommun.vardkedjan.example/avvikelser" });
    expect(mail.subject).toBe("Ny avvikelse i samverkan i Vårdkedjan");
    expect(mail.text).toBe(
      [
        DEVIATION_NOTICE_SENTENCE,
        "Logga in i Vårdkedjan och läs avvikelsen i listan över avvikelser:",
        "https://kommun.vardkedjan.example/avvikelser",
        "Det här meddelandet innehåller inga patientuppgifter. Skicka aldrig patientuppgifter med e-post, inte heller som svar på det här meddelandet.",
        "Meddelandet skickades automatiskt från Vårdkedjan och går inte att svara på.",
      ].join("\n\n") + "\n",
    );
    expect(mail.html).toContain('href="https://kommun.vardkedjan.example/avvikelser"');
    expect(mail.html).toContain('<html lang="sv">');
  });

  it.each(["/avvikelser", "javascript:alert(1)", ""])("refuses the link %j", (listUrl) => {
    expect(() => deviationNoticeMail({ listUrl })).toThrow(/http\(s\)-adress/);
  });
});
