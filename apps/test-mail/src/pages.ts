/**
 * The Swedish web page of the test mail server: what has arrived, newest first. Plain HTML with
 * inline CSS and no scripts (the machine is offline and the pages are scanned with axe); a
 * "Uppdatera" button instead of an automatic reload, which would disturb screen-reader users.
 */
import type http from "node:http";

import type { ReceivedMail } from "./types.js";

export const CSP_NO_SCRIPT = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function escapeHtml(value: unknown): string {
  return String(value).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** Escapes text and turns http(s) addresses into links (the confirmation links are meant to be clicked). */
export function linkify(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    html += `${escapeHtml(text.slice(last, match.index))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

const TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#f3f2f1}
.banner{background:#5c3c00;color:#fff;padding:.5rem 1rem;font-weight:600}
.banner p{margin:0 auto;max-width:60rem}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.25rem;line-height:1.3;margin:0 0 .75rem;overflow-wrap:anywhere}
p{margin:0 0 .75rem}
a{color:#1d4f91}
a:hover{color:#0b2a4f}
.toolbar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:0 0 1.5rem}
.toolbar form{margin:0}
.button{display:inline-block;font:inherit;font-weight:600;text-decoration:none;cursor:pointer;border-radius:4px;padding:.5rem 1rem;border:2px solid #1d4f91;background:#1d4f91;color:#fff}
.button:hover{background:#0b2a4f;border-color:#0b2a4f;color:#fff}
.button.secondary{background:#fff;color:#1b1b1b;border-color:#4b4b4b}
.button.secondary:hover{background:#e8e8e8;color:#1b1b1b}
:focus-visible,a:focus,button:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}
.notice{border-left:6px solid #1d4f91;background:#eaf1fb;padding:.6rem .8rem;margin:0 0 1rem}
.mails{list-style:none;margin:0;padding:0}
.mail{background:#fff;border:1px solid #b1b4b6;border-radius:6px;padding:1.25rem 1.5rem;margin-bottom:1.5rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
.meta dt{font-weight:600}
.meta dd{margin:0;overflow-wrap:anywhere}
.body{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f8f8;border:1px solid #b1b4b6;border-radius:4px;padding:.75rem;margin:0 0 .75rem;font-family:inherit}
details summary{cursor:pointer;color:#1d4f91;font-weight:600}
pre.source{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f2f1;border:1px solid #b1b4b6;padding:.75rem;font-size:.85rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="banner"><p>Testmiljö: e-post som skickas hit levereras aldrig till någon mottagare. Använd aldrig i produktion.</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

export interface InboxPageModel {
  smtpUrl: string;
  /** Newest first. */
  messages: ReceivedMail[];
  /** The inbox was just emptied. */
  cleared?: boolean | undefined;
}

export function renderInboxPage(m: InboxPageModel): string {
  const count = m.messages.length;
  const summary = count === 0 ? "Inga meddelanden har kommit." : count === 1 ? "1 meddelande har kommit." : `${count} meddelanden har kommit.`;
  const mails = m.messages
    .map((mail, index) => {
      const headingId = `rubrik-${index + 1}`;
      const time = TIME.format(new Date(mail.receivedAt));
      const html = mail.html
        ? `<details><summary>Visa HTML-versionens källkod</summary><pre class="source"><code>${escapeHtml(mail.html)}</code></pre></details>`
        : "";
      return `<li class="mail">
<article aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(mail.subject || "(ingen ämnesrad)")}</h2>
<dl class="meta">
<dt>Från</dt><dd>${escapeHtml(mail.from || "(okänd)")}</dd>
<dt>Till</dt><dd>${escapeHtml(mail.to.join(", "))}</dd>
<dt>Mottaget</dt><dd><time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(time)}</time></dd>
</dl>
<div class="body">${linkify(mail.text)}</div>
${html}
</article>
</li>`;
    })
    .join("\n");

  return layout(
    count === 0 ? "Test-e-post – inkorgen är tom" : `Test-e-post – ${count} ${count === 1 ? "meddelande" : "meddelanden"}`,
    `<h1>Test-e-post</h1>
<p>All e-post som Vårdkedjan skickar i utvecklings- och testmiljön hamnar här. SMTP-adress: <code>${escapeHtml(m.smtpUrl)}</code>.
Maskinläsbart: <a href="/api/messages"><code>/api/messages</code></a>.</p>
${m.cleared ? `<p class="notice" role="status">Inkorgen har tömts.</p>` : ""}
<div class="toolbar">
<a class="button" href="/">Uppdatera</a>
<form method="post" action="/tom"><button class="button secondary" type="submit">Töm inkorgen</button></form>
</div>
<p role="status">${summary}${count > 0 ? " Det senaste visas först." : ""}</p>
${count > 0 ? `<ol class="mails" aria-label="Mottagna meddelanden">\n${mails}\n</ol>` : ""}`,
  );
}

export function renderNotFoundPage(): string {
  return layout("Sidan finns inte – Test-e-post", `<h1>Sidan finns inte</h1>\n<p><a href="/">Till inkorgen</a></p>`);
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP_NO_SCRIPT,
    "X-Content-Type-Options": "nosniff",
    // Not "no-referrer": that makes browsers send "Origin: null" with the page's own form post.
    "Referrer-Policy": "same-origin",
  });
  res.end(html);
}
