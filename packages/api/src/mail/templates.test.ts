import { describe, expect, it } from "vitest";

import { CONTACT_LIST_NAME, contactListConfirmationMail, outageEndedMail } from "./templates";

const base = {
  organisationName: "Eskilstuna kommun",
  regionName: "Region Sörmland",
  deadline: new Date("2026-11-22T13:30:00Z"),
  confirmUrl: "https://forvaltning.vardkedjan.example/kontaktlista/bekrafta?t=Zx8_k-3Qp&v=2",
  outageSystemLabel: "journalsystemet",
};

/** Personnummer or samordningsnummer, with or without century and separator. */
const PERSONNUMMER_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;

describe("contactListConfirmationMail", () => {
  it("asks the representative to confirm or correct the municipality's entries before the deadline", () => {
    const mail = contactListConfirmationMail(base);
    expect(mail.subject).toBe("Driftstörning: bekräfta kontaktlistan för Eskilstuna kommun senast söndag 22 november 2026 kl. 14.30");
    expect(mail.text).toContain("större driftstörning i Region Sörmland");
    expect(mail.text).toContain("Driftstörningen gäller: journalsystemet.");
    expect(mail.text).toContain(`utsedd kontaktperson för Eskilstuna kommun i ”${CONTACT_LIST_NAME}”`);
    expect(mail.text).toContain(
      "Kontrollera uppgifterna för Eskilstuna kommun och bekräfta att de stämmer, eller rätta dem, senast söndag 22 november 2026 kl. 14.30:",
    );
    expect(mail.html).toContain("senast söndag 22 november 2026 kl. 14.30");
    expect(mail.html).toContain('<html lang="sv">');
  });

  it("contains the link, as text and as an escaped href", () => {
    const mail = contactListConfirmationMail(base);
    expect(mail.text).toContain(`\n\n${base.confirmUrl}\n\n`);
    const escaped = base.confirmUrl.replaceAll("&", "&amp;");
    expect(mail.html).toContain(`<a href="${escaped}"`);
    expect(mail.html).toContain(`>${escaped}</a>`);
    expect(mail.html).toContain("Bekräfta eller rätta kontaktlistan</a>");
  });

  it("states that it holds no patient data and that patient data must never be sent by e-mail", () => {
    const mail = contactListConfirmationMail(base);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Det här meddelandet innehåller inga patientuppgifter.");
      expect(body).toContain("Skicka aldrig patientuppgifter med e-post");
    }
  });

  it("holds nothing that looks like patient data", () => {
    const mail = contactListConfirmationMail(base);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(PERSONNUMMER_LIKE);
      expect(part).not.toMatch(/personnummer|diagnos|inskriv|utskrivningsklar|vårdtillfälle/i);
    }
    // Only organisational inputs exist: the names, the deadline, the link and the system.
    expect(Object.keys(base).sort()).toEqual(["confirmUrl", "deadline", "organisationName", "outageSystemLabel", "regionName"]);
  });

  it("refuses a name that looks like a personnummer", () => {
    expect(() => contactListConfirmationMail({ ...base, organisationName: "Eskilstuna kommun 19121212-1212" })).toThrow(/personnummer/);
    expect(() => contactListConfirmationMail({ ...base, outageSystemLabel: "journalsystemet (191212121212)" })).toThrow(/personnummer/);
    expect(() => contactListConfirmationMail({ ...base, regionName: "121212+1212" })).toThrow(/personnummer/);
  });

  it("accepts long digit runs in the link's token (the link is not free text)", () => {
    const mail = contactListConfirmationMail({ ...base, confirmUrl: "https://x.example/kontaktlista/bekrafta?t=1234567890123456" });
    expect(mail.text).toContain("t=1234567890123456");
  });

  it("escapes HTML and keeps the subject on one line", () => {
    const mail = contactListConfirmationMail({ ...base, organisationName: "Kommun <b>&</b>\r\nBcc: x@y" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain("Kommun <b>&</b> Bcc: x@y");
    expect(mail.html).toContain("Kommun &lt;b&gt;&amp;&lt;/b&gt; Bcc: x@y");
    expect(mail.html).not.toContain("<b>&</b>");
  });

  it("reads well without a region name", () => {
    const mail = contactListConfirmationMail({ ...base, regionName: " " });
    expect(mail.text).toContain("Det är en större driftstörning. Driftstörningen gäller: journalsystemet.");
  });

  it.each(["/kontaktlista/bekrafta?t=x", "javascript:alert(1)", "mailto:a@b.c", ""])("refuses the link %j", (confirmUrl) => {
    expect(() => contactListConfirmationMail({ ...base, confirmUrl })).toThrow(/http\(s\)-adress/);
  });
});

describe("outageEndedMail", () => {
  const ended = {
    organisationName: "Eskilstuna kommun",
    regionName: "Region Sörmland",
    outageSystemLabel: "Journalsystemet",
    endedAt: new Date("2026-11-22T13:30:00Z"),
  };
  it("tells the representative that the outage is over, when, and that the after-registration is done in Vårdkedjan", () => {
    const mail = outageEndedMail(ended);
    expect(mail.subject).toBe("Driften är återställd: driftstörningen i Region Sörmland är avslutad");
    expect(mail.text).toContain("Driftstörningen i Region Sörmland är avslutad söndag 22 november 2026 kl. 14.30. Driftstörningen gällde: Journalsystemet.");
    expect(mail.text).toContain("Ni behöver inte längre svara på den begäran.");
    expect(mail.text).toContain("Efterregistrering");
    expect(mail.html).toContain('<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">Driften är återställd</h1>');
  });
  it("holds no patient data and refuses a name that looks like a personnummer", () => {
    const mail = outageEndedMail(ended);
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(PERSONNUMMER_LIKE);
    for (const body of [mail.text, mail.html]) expect(body).toContain("Det här meddelandet innehåller inga patientuppgifter.");
    expect(() => outageEndedMail({ ...ended, organisationName: "Eskilstuna 19121212-1212" })).toThrow(/personnummer/);
  });
});
