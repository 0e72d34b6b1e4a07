import type { NextAuthConfig } from "next-auth";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { LOA2, LOA3 } from "@vardkedjan/domain/identity/types";

export interface SithsAuthOptions {
  portal: Portal;
  /** Inera IdP in production; the local test IdP in development and tests. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  secret: string;
  /** Levels of assurance accepted at login; the IdP compares exactly. */
  acceptedLoa: string[];
  /** Mark cookies Secure (the portal is served over https). */
  secureCookies: boolean;
  /** Session lifetime in seconds (≤ 8 h, a working shift). */
  maxAgeSeconds: number;
  /**
   * Called once per successful IdP login with the raw id_token claims. Returns the id of the
   * server-side login session (claims, contexts and the active context live there).
   */
  onSignIn(input: { portal: Portal; claims: Record<string, unknown>; idToken: string | undefined }): Promise<string>;
}

/** The claims requested from the IdP: person-level attributes plus allCommissions. */
export function sithsClaimsRequest(acceptedLoa: string[]) {
  return {
    id_token: {
      acr: { essential: true, values: acceptedLoa },
      employeeHsaId: { essential: true },
      given_name: null,
      family_name: null,
      title: null,
      systemRole: null,
      paTitleCode: null,
      healthcareProfessionalLicense: null,
      personalIdentityNumber: null,
      allCommissions: null,
    },
  };
}

export const DEFAULT_ACCEPTED_LOA = [LOA3];
export { LOA2, LOA3 };

/** The name of a portal's session cookie (the Auth.js JWT that carries the login-session id). */
export function sessionCookieName(portal: Portal): string {
  return `vk-${portal}.session`;
}

/**
 * Auth.js configuration: one generic OIDC provider ("siths"), JWT sessions carrying only the
 * login-session id, and cookie names of our own per portal — the portals share a host name in
 * development (localhost on different ports), and cookies do not separate by port.
 */
export function createAuthConfig(opts: SithsAuthOptions): NextAuthConfig {
  const prefix = `vk-${opts.portal}`;
  const cookie = (name: string) => ({
    name: `${prefix}.${name}`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: opts.secureCookies },
  });
  return {
    secret: opts.secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: opts.maxAgeSeconds },
    cookies: {
      sessionToken: { ...cookie("session"), name: sessionCookieName(opts.portal) },
      callbackUrl: cookie("callback-url"),
      csrfToken: cookie("csrf"),
      pkceCodeVerifier: cookie("pkce"),
      state: cookie("state"),
      nonce: cookie("nonce"),
    },
    pages: { signIn: "/logga-in", error: "/inloggningsfel", signOut: "/logga-ut" },
    providers: [
      {
        id: "siths",
        name: "SITHS",
        type: "oidc",
        issuer: opts.issuer,
        clientId: opts.clientId,
        clientSecret: opts.clientSecret,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: "openid profile", claims: sithsClaimsRequest(opts.acceptedLoa) } },
        // Never key on `sub` (opaque, per RP): the HSA-id identifies the person.
        profile(p: Record<string, unknown>) {
          return { id: String(p.employeeHsaId ?? p.sub ?? "") };
        },
      },
    ],
    callbacks: {
      signIn({ profile }) {
        const acr = typeof profile?.acr === "string" ? profile.acr : undefined;
        if (!acr || !opts.acceptedLoa.includes(acr)) return "/inloggningsfel?error=loa";
        return true;
      },
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const sid = await opts.onSignIn({
            portal: opts.portal,
            claims: profile as Record<string, unknown>,
            idToken: account.id_token,
          });
          // Keep the cookie small and free of personal data: only the session id.
          return { sid, sub: sid };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: "" }, loginSessionId: typeof token.sid === "string" ? token.sid : null };
      },
    },
    logger: {
      // Auth.js logs whole errors with request details by default; keep personal data out of logs.
      error(error) {
        console.error(`[auth] ${error.name}: ${error.message.split("\n")[0]}`);
      },
      warn() {},
      debug() {},
    },
  };
}
