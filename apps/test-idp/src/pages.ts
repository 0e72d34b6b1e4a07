/**
 * Server-rendered Swedish pages of the test IdP. Plain HTML with inline CSS: no external fonts,
 * scripts or CDNs (the machine is offline and the pages are scanned with axe).
 */
import { createHash } from "node:crypto";

import { LOA2, LOA3 } from "./claims.js";

export const IDP_TITLE = "SITHS test-IdP (endast test och demo)";

export function escapeHtml(value: unknown): string {
  return String(value).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#f3f2f1}
.banner{background:#5c3c00;color:#fff;padding:.5rem 1rem;font-weight:600}
.banner p{margin:0;max-width:60rem;margin-inline:auto}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border:1px solid #b1b4b6;border-radius:6px;padding:1.25rem 1.5rem;margin-bottom:1.5rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.35rem;margin:0 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
p{margin:0 0 .75rem}
a{color:#1d4f91}
a:hover{color:#0b2a4f}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{color:#4b4b4b;font-size:.95rem}
select,textarea{font:inherit;color:inherit;background:#fff;border:2px solid #4b4b4b;border-radius:4px;padding:.4rem .5rem}
select{min-width:16rem}
textarea{width:100%;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
textarea[aria-invalid=true]{border-color:#b10e1e}
button{font:inherit;cursor:pointer;border-radius:4px}
.ids{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.75rem}
.id{display:block;width:100%;text-align:left;background:#fff;color:#1b1b1b;border:2px solid #1d4f91;padding:.6rem .8rem}
.id:hover{background:#eaf1fb}
.id-name{display:block;font-weight:700;color:#1d4f91}
.id-title{display:block;font-size:.95rem;color:#3b3b3b}
.primary{background:#1d4f91;color:#fff;border:2px solid #1d4f91;padding:.5rem 1rem;font-weight:600}
.primary:hover{background:#0b2a4f;border-color:#0b2a4f}
.secondary{background:#fff;color:#1b1b1b;border:2px solid #4b4b4b;padding:.5rem 1rem;font-weight:600}
.secondary:hover{background:#e8e8e8}
:focus-visible,a:focus,button:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}
.error{border-left:6px solid #b10e1e;background:#fbeaec;color:#6b0812;padding:.6rem .8rem;margin:0 0 1rem;font-weight:600}
.notice{border-left:6px solid #1d4f91;background:#eaf1fb;padding:.6rem .8rem;margin:0 0 1rem}
.field{margin-bottom:1rem}
pre{background:#f3f2f1;border:1px solid #b1b4b6;padding:.75rem;overflow:auto;font-size:.85rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
dt{font-weight:600}
dd{margin:0 0 .75rem}
details summary{cursor:pointer;color:#1d4f91;font-weight:600}
`;

function layout(opts: { title: string; body: string; head?: string }): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style>${CSS}</style>${opts.head ?? ""}
</head>
<body>
<header class="banner"><p>Testmiljö: inga riktiga SITHS-kort, personer eller personuppgifter. Använd aldrig i produktion.</p></header>
<main>
${opts.body}
</main>
</body>
</html>`;
}

/** Content-Security-Policy for pages without scripts. */
export const CSP_NO_SCRIPT = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

// ---------------------------------------------------------------------------------------------
// Login (interaction) page

export interface LoginIdentity {
  key: string;
  displayName: string;
  title: string;
  region: string;
}

export interface LoginPageModel {
  uid: string;
  clientName: string;
  identities: LoginIdentity[];
  loa: string;
  notices: string[];
  /** Error about the whole form (shown at the top). */
  error?: string | undefined;
  /** Error about the pasted claims (shown beside the textarea). */
  pasteError?: string | undefined;
  pasted?: string | undefined;
}

const PASTE_EXAMPLE = JSON.stringify(
  {
    employeeHsaId: "TSTNMT2321000156-1001",
    given_name: "Anna",
    family_name: "Testsson",
    personalIdentityNumber: "191212121212",
    systemRole: ["RJH;LINK"],
    paTitleCode: ["203090"],
    healthcareProfessionalLicense: ["Sjuksköterska"],
    allCommissions: [
      {
        commissionHsaId: "TSTNMT2321000156-C001",
        commissionName: "Vård avd 12",
        commissionPurpose: "Vård och behandling",
        commissionRights: [{ activity: "Läsa", informationClass: "alla", scope: "SJF" }],
        healthCareUnitHsaId: "TSTNMT2321000156-U012",
        healthCareUnitName: "Avd 12 Medicin",
        healthCareProviderHsaId: "TSTNMT2321000156-VG1",
        healthCareProviderName: "Region Test",
        healthCareProviderOrgNo: "2321000016",
      },
    ],
  },
  null,
  2,
);

function groupByRegion(identities: LoginIdentity[]): Map<string, LoginIdentity[]> {
  const groups = new Map<string, LoginIdentity[]>();
  for (const identity of identities) {
    const region = identity.region.trim() || "Övriga";
    const group = groups.get(region);
    if (group) group.push(identity);
    else groups.set(region, [identity]);
  }
  return groups;
}

export function renderLoginPage(m: LoginPageModel): string {
  const base = `/interaction/${encodeURIComponent(m.uid)}`;
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}"${m.loa === value ? " selected" : ""}>${escapeHtml(label)}</option>`;

  const identityList =
    m.identities.length === 0
      ? `<p>Inga demoidentiteter är inlästa. Använd <a href="#h-claims">Klistra in claims</a> nedan.</p>`
      : [...groupByRegion(m.identities)]
          .map(
            ([region, group]) => `<h3>${escapeHtml(region)}</h3>
<ul class="ids">
${group
  .map(
    (i) =>
      `<li><button type="submit" class="id" name="identity" value="${escapeHtml(i.key)}"><span class="id-name">${escapeHtml(i.displayName)}</span> <span class="id-title">${escapeHtml(i.title)}</span></button></li>`,
  )
  .join("\n")}
</ul>`,
          )
          .join("\n");

  const describedBy = m.pasteError ? "claims-hint claims-error" : "claims-hint";

  const body = `<h1>${escapeHtml(IDP_TITLE)}</h1>
<p>Inloggning till <strong>${escapeHtml(m.clientName)}</strong>. Tjänsten efterliknar Inera IdP med SITHS-kort och lämnar ut samma slags claims. Välj en testidentitet eller klistra in ett eget claim-set.</p>
${m.notices.map((n) => `<p class="notice">${escapeHtml(n)}</p>`).join("\n")}
${m.error ? `<p class="error" role="alert" id="form-error">${escapeHtml(m.error)}</p>` : ""}
<form method="post" action="${base}/login" aria-label="Logga in med testidentitet">
<div class="card">
<div class="field">
<label for="loa">Tillitsnivå</label>
<select id="loa" name="loa" aria-describedby="loa-hint">
${option(LOA3, "LoA 3 – SITHS-kort")}
${option(LOA2, "LoA 2 – reservkort")}
</select>
<p class="hint" id="loa-hint">Skickas som acr i id-token. Gäller både vald identitet och inklistrade claims.</p>
</div>
</div>
<section class="card" aria-labelledby="h-identities">
<h2 id="h-identities">Välj identitet</h2>
${identityList}
</section>
<section class="card" aria-labelledby="h-claims">
<h2 id="h-claims">Klistra in claims</h2>
<p class="hint" id="claims-hint">Ett JSON-objekt med claims som Inera IdP skulle lämna ut. employeeHsaId krävs. Korta namn, http://sambi.se/attributes/1/… och urn:sambi:names:attribute:… godtas; iss, sub, acr och andra protokoll-claims sätts av IdP:n och ignoreras.</p>
${m.pasteError ? `<p class="error" role="alert" id="claims-error">${escapeHtml(m.pasteError)}</p>` : ""}
<div class="field">
<label for="claims">Claims (JSON)</label>
<textarea id="claims" name="claims" rows="12" spellcheck="false" autocomplete="off" aria-describedby="${describedBy}"${m.pasteError ? ' aria-invalid="true"' : ""}>${escapeHtml(m.pasted ?? "")}</textarea>
</div>
<details>
<summary>Visa exempel</summary>
<pre>${escapeHtml(PASTE_EXAMPLE)}</pre>
</details>
<p><button type="submit" class="primary" name="action" value="paste">Logga in med inklistrade claims</button></p>
</section>
</form>
<form method="post" action="${base}/abort">
<p><button type="submit" class="secondary">Avbryt</button> <span class="hint">Avbryter inloggningen och skickar tillbaka felet access_denied till portalen.</span></p>
</form>`;

  return layout({ title: IDP_TITLE, body });
}

// ---------------------------------------------------------------------------------------------
// Start page

export interface IndexPageModel {
  issuer: string;
  clients: { clientId: string; clientName: string; redirectUris: string[] }[];
  identityCount: number;
}

export function renderIndexPage(m: IndexPageModel): string {
  const discovery = `${m.issuer}/.well-known/openid-configuration`;
  const claimsParam = JSON.stringify({
    id_token: {
      acr: { essential: true, values: [LOA3, LOA2] },
      employeeHsaId: { essential: true },
      allCommissions: null,
    },
  });
  const body = `<h1>${escapeHtml(IDP_TITLE)}</h1>
<div class="card">
<p>En lokal OpenID Connect-leverantör som beter sig som Inera IdP med SITHS-kort, för Vårdkedjans portaler i utveckling, test och demo. Den lämnar ut HSA-claims (employeeHsaId, systemRole, allCommissions m.fl.) för fiktiva testpersoner och godtar inga riktiga kort.</p>
<dl>
<dt>Issuer</dt><dd><code>${escapeHtml(m.issuer)}</code></dd>
<dt>Discovery</dt><dd><a href="${escapeHtml(discovery)}">${escapeHtml(discovery)}</a></dd>
<dt>Tillitsnivåer (acr)</dt><dd><code>${LOA3}</code>, <code>${LOA2}</code></dd>
<dt>Scope</dt><dd><code>openid profile</code> ger hela claim-setet i id-token</dd>
<dt>Exempel på claims-parameter</dt><dd><code>${escapeHtml(claimsParam)}</code></dd>
<dt>Demoidentiteter</dt><dd>${m.identityCount}</dd>
</dl>
</div>
<section class="card" aria-labelledby="h-clients">
<h2 id="h-clients">Registrerade klienter</h2>
<ul>
${m.clients
  .map(
    (c) =>
      `<li><strong>${escapeHtml(c.clientName)}</strong> (<code>${escapeHtml(c.clientId)}</code>): ${c.redirectUris.map((u) => `<code>${escapeHtml(u)}</code>`).join(", ")}</li>`,
  )
  .join("\n")}
</ul>
</section>`;
  return layout({ title: IDP_TITLE, body });
}

// ---------------------------------------------------------------------------------------------
// Logout, post-logout and error pages

const LOGOUT_SCRIPT = `document.getElementById("op.logoutForm").submit();`;

export function logoutPageCsp(): string {
  const sha = createHash("sha256").update(LOGOUT_SCRIPT).digest("base64");
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${sha}'; base-uri 'none'; frame-ancestors 'none'`;
}

/**
 * The RP-initiated logout page. `form` is oidc-provider's form (id op.logoutForm, xsrf input);
 * `logout=yes` ends the whole IdP session, and the script submits it at once, so the portal's
 * "Logga ut" lands back on the portal without an extra click. Without JavaScript: one button.
 */
export function renderLogoutPage(form: string, clientName: string | undefined): string {
  const withLogout = form.replace(
    "</form>",
    `<input type="hidden" name="logout" value="yes"/><noscript><p><button type="submit" class="primary">Logga ut</button></p></noscript></form>`,
  );
  const body = `<h1>Loggar ut</h1>
<div class="card">
<p>Du loggas ut från SITHS test-IdP${clientName ? ` och skickas tillbaka till ${escapeHtml(clientName)}` : ""}.</p>
<noscript><p>JavaScript är avstängt. Tryck på knappen för att logga ut.</p></noscript>
${withLogout}
</div>
<script>${LOGOUT_SCRIPT}</script>`;
  return layout({ title: `Loggar ut – ${IDP_TITLE}`, body });
}

export function renderPostLogoutPage(clientName: string | undefined): string {
  const body = `<h1>Du är utloggad</h1>
<div class="card">
<p>Du är utloggad från SITHS test-IdP${clientName ? ` och ${escapeHtml(clientName)}` : ""}. Du kan stänga fönstret.</p>
</div>`;
  return layout({ title: `Utloggad – ${IDP_TITLE}`, body });
}

const ERROR_TEXTS: Record<string, string> = {
  invalid_request: "Portalens inloggningsbegäran var ogiltig.",
  invalid_client: "Portalen är inte registrerad i test-IdP:n eller skickade fel klientuppgifter.",
  invalid_redirect_uri: "Portalens återhopps-adress (redirect_uri) är inte registrerad.",
  unauthorized_client: "Portalen får inte använda den här inloggningsmetoden.",
  access_denied: "Inloggningen avbröts.",
  invalid_scope: "Portalen begärde ett okänt scope.",
  invalid_grant: "Inloggningskoden är ogiltig eller har redan använts.",
  session_not_found: "Inloggningsförsöket har gått ut eller saknar cookies. Gå tillbaka till portalen och logga in igen.",
  server_error: "Ett oväntat fel inträffade i test-IdP:n.",
};

export function renderErrorPage(error: string, description: string | undefined): string {
  const text = ERROR_TEXTS[error] ?? "Något gick fel vid inloggningen.";
  const body = `<h1>Något gick fel</h1>
<div class="card">
<p>${escapeHtml(text)}</p>
<p>Gå tillbaka till portalen och försök igen.</p>
<dl>
<dt>Felkod</dt><dd><code>${escapeHtml(error)}</code></dd>
${description ? `<dt>Beskrivning</dt><dd><code>${escapeHtml(description)}</code></dd>` : ""}
</dl>
</div>`;
  return layout({ title: `Fel – ${IDP_TITLE}`, body });
}
