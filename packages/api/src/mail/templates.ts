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
 * The mail to a municipality's designated representative when a major outage is declared: confirm
 * or correct the municipality's entries in "Kontaktlista driftstörning" before the deadline.
 */
export function contactListConfirmationMail(input: ContactListConfirmationInput): MailContent {
  const organisationName = oneLine(input.organisationName);
  const regionName = oneLine(input.regionName);
  const systemLabel = oneLine(input.outageSystemLabel);
  if (!organisationName) throw new Error("contactListConfirmationMail: organisationName saknas.");
  if (!systemLabel) throw new Error("contactListConfirmationMail: outageSystemLabel saknas.");
  const confirmUrl = absoluteHttpUrl(input.confirmUrl);
  // The free-text inputs only: the link carries random tokens and ids, which may hold digit runs.
  for (const [field, value] of [
    ["organisationName", organisationName],
    ["regionName", regionName],
    ["outageSystemLabel", systemLabel],
  ] as const) {
    if (looksLikePersonalIdentityNumber(value)) {
      throw new Error(`contactListConfirmationMail: ${field} ser ut att innehålla ett personnummer; e-post får aldrig innehålla patientuppgifter.`);
    }
  }
  const deadline = stockholmLongDateTime(input.deadline);
  const where = regionName ? ` i ${regionName}` : "";

  const subject = `Driftstörning: bekräfta kontaktlistan för ${organisationName} senast ${deadline}`;

  const paragraphs = [
    `Det är en större driftstörning${where}. Driftstörningen gäller: ${systemLabel}.`,
    `Du får det här meddelandet eftersom du är utsedd kontaktperson för ${organisationName} i ”${CONTACT_LIST_NAME}”. Under driftstörningen sker samordningen vid utskrivning per telefon, och då måste telefonnummer, öppettider och funktionsbrevlådor i kontaktlistan stämma.`,
    `Kontrollera uppgifterna för ${organisationName} och bekräfta att de stämmer, eller rätta dem, senast ${deadline}:`,
  ];
  const text = [...paragraphs, confirmUrl, NO_PATIENT_DATA, AUTO_SENT].join("\n\n") + "\n";

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">Bekräfta kontaktlistan för ${escapeHtml(organisationName)}</h1>
${paragraphs.map(p).join("\n")}
<p style="margin:0 0 16px"><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;background:#1d4f91;color:#ffffff;font-weight:bold;text-decoration:none;padding:10px 18px;border-radius:4px">Bekräfta eller rätta kontaktlistan</a></p>
<p style="margin:0 0 16px">Om knappen inte fungerar, kopiera adressen till webbläsaren:<br><a href="${escapeHtml(confirmUrl)}" style="color:#1d4f91;word-break:break-all">${escapeHtml(confirmUrl)}</a></p>
<p style="margin:0 0 16px;padding:12px;border-left:4px solid #b10e1e;background:#fbeaec"><strong>${escapeHtml(NO_PATIENT_DATA)}</strong></p>
${p(AUTO_SENT)}
</div>
</body>
</html>
`;
  return { subject, text, html };
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
  const listUrl = absoluteHttpUrl(input.listUrl);
  const subject = "Ny avvikelse i samverkan i Vårdkedjan";
  const paragraphs = [DEVIATION_NOTICE_SENTENCE, "Logga in i Vårdkedjan och läs avvikelsen i listan över avvikelser:"];
  const text = [...paragraphs, listUrl, NO_PATIENT_DATA, AUTO_SENT].join("\n\n") + "\n";
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(subject)}</h1>
${paragraphs.map(p).join("\n")}
<p style="margin:0 0 16px"><a href="${escapeHtml(listUrl)}" style="color:#1d4f91;word-break:break-all">${escapeHtml(listUrl)}</a></p>
<p style="margin:0 0 16px;padding:12px;border-left:4px solid #b10e1e;background:#fbeaec"><strong>${escapeHtml(NO_PATIENT_DATA)}</strong></p>
${p(AUTO_SENT)}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
