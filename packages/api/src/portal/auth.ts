import type { Portal } from "@vardkedjan/domain/identity/types";
import { createPortalAuth, type PortalAuth } from "@vardkedjan/auth";
import type { Db } from "@vardkedjan/db/client";
import { signIn } from "../services/identity/sign-in";
import type { PortalEnv } from "./env";

/**
 * Auth.js for one portal, against SITHS through the IdP. A login becomes a `login_sessions` row
 * (services/identity/sign-in.ts); the cookie carries only that row's id.
 */
export function portalAuth(portal: Portal, env: PortalEnv, db: () => Db): PortalAuth {
  return createPortalAuth({
    portal,
    issuer: env.oidc.issuer,
    clientId: env.oidc.clientId,
    clientSecret: env.oidc.clientSecret,
    secret: env.authSecret,
    acceptedLoa: env.oidc.acceptedLoa,
    maxAgeSeconds: env.sessionMaxAgeSeconds,
    secureCookies: env.portalUrls[portal].startsWith("https:"),
    onSignIn: async ({ claims, idToken }) => (await signIn(db(), { portal, claims, idToken, maxAgeSeconds: env.sessionMaxAgeSeconds })).loginSessionId,
  });
}
