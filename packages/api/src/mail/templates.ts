/**
 * E-mail texts in Swedish. E-mail carries no patient data, ever: both source routines (Sörmland
 * and Västernorrland) forbid sending patient data by e-mail, and the messages say so. The inputs
 * are organisational (names, a deadline, a link); a name that looks like a personnummer is refused.
 */

import { stockholmLongDateTime } from "@vardkedjan/domain/time/format";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface ContactListConfirmationInput {
  /** The municipality whose entries are to be confirmed, e.g. "Eskilstuna kommun". */
  organisationName: string;
  /** e.g. "Region Sörmland"; may be empty. */
  regionName: string;
  /** When the region's routine wants the answer (Sörmland: 6 hours after the outage was declared). */
  deadline: Date;
  /** Absolute http(s) link to the confirmation page. */
  confirmUrl: string;
  /** What is down, e.g. "journalsystemet" or "Inloggning (SITHS)". */
  outageSystemLabel: string;
}

const AUTO_SENT = "Meddelandet skickades automatiskt från Vårdkedjan och går inte att svara på.";

export const CONTACT_LIST_NAME = "Kontaktlista driftstörning";

const NO_PATIENT_DATA =
  "Det här meddelandet innehåller inga patientuppgifter. Skicka aldrig patientuppgifter med e-post, inte heller som svar på det här meddelandet.";

/**
 * The mail to a municipality's designated representative when the routine covers an outage (domain/outage/contact-confirmation.ts): confirm
 * or correct the municipality's entries in "Kontaktlista driftstörning" before the deadline.
 */
export function contactListConfirmationMail(input: ContactListConfirmationInput): MailContent {
  const organisationName = organisational("contactListConfirmationMail", "organisationName", input.organisationName, true);
  const regionName = organisational("contactListConfirmationMail", "regionName", input.regionName, false);
  const systemLabel = organisational("contactListConfirmationMail", "outageSystemLabel", input.outageSystemLabel, true);
  // Only the free-text inputs are checked: the link carries random tokens and ids, which may hold digit runs.
  const confirmUrl = absoluteHttpUrl(input.confirmUrl);
  const deadline = stockholmLongDateTime(input.deadline);
  const where = regionName ? ` i ${regionName}` : "";

  const subject = `Driftstörning: bekräfta kontaktlistan för ${organisationName} senast ${deadline}`;
  return noticeMail({
    subject,
    heading: `Bekräfta kontaktlistan för ${organisationName}`,
    paragraphs: [
      `Det är en större driftstörning${where}. Driftstörningen gäller: ${systemLabel}.`,
      `Du får det här meddelandet eftersom du är utsedd kontaktperson för ${organisationName} i ”${CONTACT_LIST_NAME}”. Under driftstörningen sker samordningen vid utskrivning per telefon, och då måste telefonnummer, öppettider och funktionsbrevlådor i kontaktlistan stämma.`,
      `Kontrollera uppgifterna för ${organisationName} och bekräfta att de stämmer, eller rätta dem, senast ${deadline}:`,
    ],
    link: { url: confirmUrl, button: "Bekräfta eller rätta kontaktlistan" },
  });
}

export interface OutageEndedInput {
  /** The municipality whose representatives were asked to confirm the contact list. */
  organisationName: string;
  regionName: string;
  /** What was down, as the confirmation mail named it. */
  outageSystemLabel: string;
  endedAt: Date;
}

/**
 * "Driften är återställd": to the representatives who were asked to confirm the contact list,
 * when the outage ends. They go back to working in Vårdkedjan, and what was said by phone is
 * after-registered there (Region Västernorrland, Avbrottsrutin Lifecare SP; Region Sörmland,
 * Reservrutin Link). No link: the after-registration is read after logging in.
 */
export function outageEndedMail(input: OutageEndedInput): MailContent {
  const organisationName = organisational("outageEndedMail", "organisationName", input.organisationName, true);
  const regionName = organisational("outageEndedMail", "regionName", input.regionName, false);
  const systemLabel = organisational("outageEndedMail", "outageSystemLabel", input.outageSystemLabel, true);
  const endedAt = stockholmLongDateTime(input.endedAt);
  const where = regionName ? ` i ${regionName}` : "";
  return noticeMail({
    subject: `Driften är återställd: driftstörningen${where} är avslutad`,
    heading: "Driften är återställd",
    paragraphs: [
      `Driftstörningen${where} är avslutad ${endedAt}. Driftstörningen gällde: ${systemLabel}.`,
      `Du får det här meddelandet eftersom du är utsedd kontaktperson för ${organisationName} i ”${CONTACT_LIST_NAME}” och ombads bekräfta kontaktlistan under driftstörningen. Ni behöver inte längre svara på den begäran.`,
      "Samordningen vid utskrivning sker åter i Vårdkedjan. Det som lämnades per telefon under driftstörningen efterregistreras där: varje enhet ser sin lista under Efterregistrering när den loggar in.",
    ],
  });
}

/**
 * One e-mail in the house layout, as plain text and HTML with the same paragraphs: a heading, the
 * paragraphs, an optional link (as a button and as a copyable address), and the two closing
 * sentences every mail carries (no patient data; sent automatically).
 */
function noticeMail(m: { subject: string; heading: string; paragraphs: string[]; link?: { url: string; button?: string } }): MailContent {
  const text = [...m.paragraphs, ...(m.link ? [m.link.url] : []), NO_PATIENT_DATA, AUTO_SENT].join("\n\n") + "\n";
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const url = m.link ? escapeHtml(m.link.url) : "";
  const link = !m.link
    ? ""
    : m.link.button
      ? `<p style="margin:0 0 16px"><a href="${url}" style="display:inline-block;background:#1d4f91;color:#ffffff;font-weight:bold;text-decoration:none;padding:10px 18px;border-radius:4px">${escapeHtml(m.link.button)}</a></p>
<p style="margin:0 0 16px">Om knappen inte fungerar, kopiera adressen till webbläsaren:<br><a href="${url}" style="color:#1d4f91;word-break:break-all">${url}</a></p>
`
      : `<p style="margin:0 0 16px"><a href="${url}" style="color:#1d4f91;word-break:break-all">${url}</a></p>
`;
  const html = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(m.heading)}</h1>
${m.paragraphs.map(p).join("\n")}
${link}<p style="margin:0 0 16px;padding:12px;border-left:4px solid #b10e1e;background:#fbeaec"><strong>${escapeHtml(NO_PATIENT_DATA)}</strong></p>
${p(AUTO_SENT)}
</div>
</body>
</html>
`;
  return { subject: m.subject, text, html };
}

/** An organisational name on one line; never anything that looks like a personnummer. */
function organisational(template: string, field: string, value: string, required: boolean): string {
  const line = oneLine(value);
  if (required && !line) throw new Error(`${template}: ${field} saknas.`);
  if (looksLikePersonalIdentityNumber(line)) {
    throw new Error(`${template}: ${field} ser ut att innehålla ett personnummer; e-post får aldrig innehålla patientuppgifter.`);
  }
  return line;
}

// ---------------------------------------------------------------------------------------------

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function absoluteHttpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("contactListConfirmationMail: confirmUrl ska vara en fullständig http(s)-adress.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error("contactListConfirmationMail: confirmUrl ska vara en fullständig http(s)-adress.");
  }
  return url.toString();
}

/** 10 or 12 digits, optionally with - or + before the last four (personnummer, samordningsnummer). */
function looksLikePersonalIdentityNumber(value: string): boolean {
  return /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/.test(value);
}

function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

export const DEVIATION_NOTICE_SENTENCE = "En ny avvikelse har rapporterats till er organisation i Vårdkedjan.";

/**
 * The notice to the receiving organisation of a deviation in the cooperation: that there is one,
 * and where to read it. Nothing else — no organisation or unit that could narrow down a patient,
 * no category, no free text: the deviation is read after logging in, where access is checked.
 */
export function deviationNoticeMail(input: { listUrl: string }): MailContent {
  const subject = "Ny avvikelse i samverkan i Vårdkedjan";
  return noticeMail({
    subject,
    heading: subject,
    paragraphs: [DEVIATION_NOTICE_SENTENCE, "Logga in i Vårdkedjan och läs avvikelsen i listan över avvikelser:"],
    link: { url: absoluteHttpUrl(input.listUrl) },
  });
}
