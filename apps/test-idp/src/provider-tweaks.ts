/**
 * Two small Koa middlewares around oidc-provider's own routes, for a smoother dev loop.
 */
import type Provider from "oidc-provider";

/**
 * The signing key is new at every start, so after an IdP restart a portal's "Logga ut" carries an
 * id_token_hint the IdP can no longer verify, and oidc-provider would stop on an error page.
 * The IdP session is gone anyway after a restart, so such a hint is replaced by the client_id it
 * names: the logout still ends on the portal's post_logout_redirect_uri.
 */
export function dropUnverifiableIdTokenHint(provider: Provider) {
  return async (ctx: { method: string; path: string; querystring: string }, next: () => Promise<unknown>) => {
    if (ctx.method === "GET" && ctx.path === "/session/end") {
      const query = new URLSearchParams(ctx.querystring);
      const hint = query.get("id_token_hint");
      if (hint) {
        const audience = audienceOf(hint);
        const client = audience ? await provider.Client.find(audience).catch(() => undefined) : undefined;
        const valid = client
          ? await provider.IdToken.validate(hint, client).then(
              () => true,
              () => false,
            )
          : false;
        if (!valid && client) {
          query.delete("id_token_hint");
          if (!query.has("client_id")) query.set("client_id", client.clientId);
          ctx.querystring = query.toString();
        }
      }
    }
    await next();
  };
}

function audienceOf(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { aud?: unknown };
    if (typeof payload.aud === "string") return payload.aud;
    if (Array.isArray(payload.aud) && typeof payload.aud[0] === "string") return payload.aud[0];
  } catch {
    // not a JWT: leave it to oidc-provider's own error
  }
  return undefined;
}

/**
 * oidc-provider's auto-submitting "Submitting Callback" page (used when logout starts without an
 * IdP session, and when prompt=login switches to another identity) has no lang and English text;
 * it is shown for an instant, but the portals' e2e tests scan every page with axe.
 */
export async function localiseFormPostPage(ctx: { body: unknown; type: string }, next: () => Promise<unknown>): Promise<void> {
  await next();
  if (typeof ctx.body === "string" && ctx.type.includes("html") && ctx.body.includes("<title>Submitting Callback</title>")) {
    ctx.body = ctx.body
      .replace("<html>", '<html lang="sv">')
      .replace(
        "<title>Submitting Callback</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n  <title>Skickar vidare – SITHS test-IdP</title>',
      )
      .replace("Your browser does not support JavaScript or you've disabled it.", "JavaScript är avstängt. Tryck på knappen för att fortsätta.")
      .replace(">Continue</button>", ">Fortsätt</button>");
  }
}
