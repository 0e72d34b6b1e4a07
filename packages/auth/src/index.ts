import NextAuth from "next-auth";
import { createAuthConfig, type SithsAuthOptions } from "./config";

export { createAuthConfig, sessionCookieName, sithsClaimsRequest, DEFAULT_ACCEPTED_LOA, LOA2, LOA3, type SithsAuthOptions } from "./config";

declare module "next-auth" {
  interface Session {
    loginSessionId: string | null;
  }
}

/** The Auth.js instance of one portal. */
export function createPortalAuth(opts: SithsAuthOptions) {
  return NextAuth(createAuthConfig(opts));
}
export type PortalAuth = ReturnType<typeof createPortalAuth>;
