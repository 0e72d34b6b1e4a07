import { NextResponse, type NextRequest } from "next/server";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { parsePortalEnv } from "./env";

/**
 * The Content-Security-Policy of every portal page and document, set per request by each app's proxy.ts
 * (Next 16's middleware). Scripts run only with this request's nonce ('strict-dynamic' lets the
 * nonce'd Next runtime load its own chunks); Next reads the nonce from the request's CSP header
 * and puts it on its scripts and inline styles, which is why every page is rendered per request.
 * No 'unsafe-eval' outside `next dev` (React needs eval there for its error overlay only).
 *
 * The other headers that never change (nosniff, Referrer-Policy, Permissions-Policy) are in the
 * shared Next config, so they are on static files too; so is the API's fixed policy (its JSON
 * answers pass no proxy). HSTS is sent where the portal's public URL
 * is https (the reverse proxy in docker/ sends it as well).
 */

export interface CspOptions {
  nonce: string;
  /** Origins a form may post (or be redirected) to besides our own: the IdP's logout. */
  formTargets: string[];
  https: boolean;
  dev: boolean;
}

export function contentSecurityPolicy(o: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${o.nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/sw.js); without this it would fall back to script-src and its nonce.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...o.formTargets].join(" ")}`,
    "frame-ancestors 'none'",
  ];
  if (o.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The proxy of one portal app. The environment is read once, at the first request, with the same
 * validation as the portal server.
 */
export function createPortalProxy(portal: Portal, rawEnv: Record<string, string | undefined>, dev = rawEnv.NODE_ENV === "development") {
  let settings: { formTargets: string[]; https: boolean } | undefined;
  const getSettings = () => {
    if (!settings) {
      const env = parsePortalEnv(rawEnv);
      settings = { formTargets: [new URL(env.oidc.issuer).origin], https: env.portalUrls[portal].startsWith("https:") };
    }
    return settings;
  };

  return function proxy(request: NextRequest): NextResponse {
    const nonce = newNonce();
    const { formTargets, https } = getSettings();
    const csp = contentSecurityPolicy({ nonce, formTargets, https, dev });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set("x-nonce", nonce);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", csp);
    if (https) response.headers.set("strict-transport-security", HSTS);
    return response;
  };
}
