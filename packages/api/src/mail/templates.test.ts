import { describe, expect, it } from "vitest";

import { CONTACT_LIST_NAME, contactListConfirmationMail, formatDeadline } from "./templates";

const base = {
  organisationName: "Eskilstuna kommun",
  regionName: "Region Sörmland",
  deadline: new Date("2026-11-22T13:30:00Z"),
  confirmUrl: "https://forvaltning.vardkedjan.example/kontaktlista/bekrafta?t=Zx8_k-3Qp&v=2",
  outageSystemLabel: "journalsystemet",
};

/** Personnummer or samordningsnummer, with or without century and separator. */
const PERSONNUMMER_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;

describe("formatDeadline", () => {
  it.each([
    // Normal time (CET, UTC+1)
    ["2026-11-22T13:30:00Z", "söndag 22 november 2026 kl. 14.30"],
    ["2026-01-15T07:05:00Z", "torsdag 15 januari 2026 kl. 08.05"],
    // Summer time (CEST, UTC+2), over midnight in UTC
    ["2026-07-01T22:15:00Z", "torsdag 2 juli 2026 kl. 00.15"],
    // Summer time starts 29 March 2026 at 02.00 → 03.00
    ["2026-03-29T00:30:00Z", "söndag 29 mars 2026 kl. 01.30"],
    ["2026-03-29T01:30:00Z", "söndag 29 mars 2026 kl. 03.30"],
    // Summer time ends 25 October 2026 at 03.00 → 02.00: the hour 02.00–03.00 occurs twice
    ["2026-10-25T00:30:00Z", "söndag 25 oktober 2026 kl. 02.30 (sommartid)"],
    ["2026-10-25T01:30:00Z", "söndag 25 oktober 2026 kl. 02.30 (normaltid)"],
    ["2026-10-25T02:30:00Z", "söndag 25 oktober 2026 kl. 03.30"],
    ["2026-10-24T23:59:00Z", "söndag 25 oktober 2026 kl. 01.59"],
  ])("%s → %s", (iso, expected) => {
    expect(formatDeadline(new Date(iso))).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => formatDeadline(new Date("inte ett datum"))).toThrow("ogiltigt datum");
  });
});

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
