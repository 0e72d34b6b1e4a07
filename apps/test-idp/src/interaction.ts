/**
 * The login interaction (`/interaction/:uid`): the identity picker, "Klistra in claims" and
 * "Avbryt". Consent never shows a page: registered clients are first-party.
 */
import type http from "node:http";

import { errors } from "oidc-provider";
import type Provider from "oidc-provider";
import type { InteractionResults } from "oidc-provider";

import { opaqueSubject, type AccountStore } from "./accounts.js";
import { ACR_VALUES, AMR, LOA2, LOA3, essentialAcrValues, parsePastedClaims, type ClaimSet } from "./claims.js";
import { readForm, sendHtml } from "./http.js";
import { renderErrorPage, renderLoginPage, type LoginIdentity, type LoginPageModel } from "./pages.js";

/** Key in the interaction result that points at the staged claim set of this login. */
export const CLAIMS_REF = "vardkedjanClaimsRef";

const LOA_LABELS: Record<string, string> = { [LOA3]: "LoA 3", [LOA2]: "LoA 2" };

export interface LoadedIdentity extends LoginIdentity {
  claims: ClaimSet;
  employeeHsaId: string;
}

export type InteractionHandler = (req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined) => Promise<void>;

export function createInteractionHandler(deps: {
  provider: Provider;
  accounts: AccountStore;
  identities: LoadedIdentity[];
  clientNames: Map<string, string>;
}): InteractionHandler {
  const { provider, accounts, identities, clientNames } = deps;

  return async function handleInteraction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const expectedMethod = action ? "POST" : "GET";
    if (req.method !== expectedMethod) {
      res.setHeader("Allow", expectedMethod);
      return sendHtml(res, 405, renderErrorPage("invalid_request", "Metoden stöds inte här."));
    }

    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      if (err instanceof errors.SessionNotFound) {
        return sendHtml(res, 400, renderErrorPage("session_not_found", undefined));
      }
      throw err;
    }
    if (details.uid !== uid) {
      return sendHtml(res, 400, renderErrorPage("session_not_found", undefined));
    }

    const { prompt, params } = details;

    if (prompt.name === "consent") {
      // Only reached if loadExistingGrant was bypassed; grant what was asked, no page.
      const grantId = await grantMissing(provider, details);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    if (prompt.name !== "login") {
      return sendHtml(res, 400, renderErrorPage("invalid_request", `Okänd interaktion: ${prompt.name}`));
    }

    const clientId = typeof params.client_id === "string" ? params.client_id : "";
    const essentialAcrs = essentialAcrValues(params.claims);
    const page: LoginPageModel = {
      uid,
      clientName: clientNames.get(clientId) ?? clientId,
      identities,
      loa: LOA3,
      notices: loginNotices(prompt.reasons, essentialAcrs),
    };

    if (action === "abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "Användaren avbröt inloggningen." },
        { mergeWithLastSubmission: false },
      );
    }

    if (action !== "login") {
      return sendHtml(res, 200, renderLoginPage(page));
    }

    const form = await readForm(req);
    const loa = form.get("loa") ?? LOA3;
    const identityKey = form.get("identity");
    const pasted = form.get("claims") ?? "";
    page.pasted = pasted;
    if (!(ACR_VALUES as readonly string[]).includes(loa)) {
      return sendHtml(res, 400, renderLoginPage({ ...page, error: "Ogiltig tillitsnivå. Välj LoA 3 eller LoA 2." }));
    }
    page.loa = loa;
    if (essentialAcrs && !essentialAcrs.includes(loa)) {
      const required = essentialAcrs.map((v) => LOA_LABELS[v] ?? v).join(" eller ");
      return sendHtml(res, 400, renderLoginPage({ ...page, error: `Portalen kräver tillitsnivå ${required}. Välj en annan tillitsnivå.` }));
    }

    let claims: ClaimSet;
    let employeeHsaId: string;
    if (identityKey !== null) {
      const identity = identities.find((i) => i.key === identityKey);
      if (!identity) {
        return sendHtml(res, 400, renderLoginPage({ ...page, error: "Okänd identitet. Välj en identitet i listan." }));
      }
      claims = identity.claims;
      employeeHsaId = identity.employeeHsaId;
    } else if (form.get("action") === "paste") {
      const parsed = parsePastedClaims(pasted);
      if (!parsed.ok) {
        return sendHtml(res, 400, renderLoginPage({ ...page, pasteError: parsed.message }));
      }
      claims = parsed.claims;
      employeeHsaId = parsed.employeeHsaId;
    } else {
      return sendHtml(res, 400, renderLoginPage({ ...page, error: "Välj en identitet eller klistra in claims." }));
    }

    const accountId = opaqueSubject(employeeHsaId);
    const result: InteractionResults = {
      login: { accountId, acr: loa, amr: AMR, remember: false },
      [CLAIMS_REF]: accounts.stage(accountId, claims),
    };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  };
}

/** Grants every scope and claim a consent prompt reports as missing (first-party clients). */
async function grantMissing(provider: Provider, details: Awaited<ReturnType<Provider["interactionDetails"]>>): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== "string") throw new Error("consent utan session eller klient");
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  return grant.save();
}

function loginNotices(reasons: string[], essentialAcrs: string[] | undefined): string[] {
  const notices: string[] = [];
  if (reasons.includes("login_prompt")) notices.push("Portalen begärde en ny inloggning (prompt=login).");
  if (reasons.includes("max_age")) notices.push("Inloggningen är för gammal för portalen. Logga in igen.");
  if (reasons.includes("essential_acrs") || reasons.includes("essential_acr")) {
    const required = (essentialAcrs ?? []).map((v) => LOA_LABELS[v] ?? v).join(" eller ");
    notices.push(`Portalen kräver tillitsnivå ${required || "som inte uppnåtts"}. Logga in igen.`);
  }
  return notices;
}
