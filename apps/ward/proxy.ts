import type { NextRequest } from "next/server";
import { createPortalProxy } from "@vardkedjan/api/portal/security-headers";

// Security headers on every response of this portal (pages, API, documents): a nonce-based CSP
// per request. The environment is read here as in src/server.ts: the proxy is bundled apart.
const handle = createPortalProxy("slutenvard", process.env);

export function proxy(request: NextRequest) {
  return handle(request);
}

export const config = {
  // Everything but Next's immutable build files, the icon and the API's JSON answers: the shared
  // Next config gives those the headers that never change, and the API its own fixed CSP (nothing
  // in a JSON answer may load or run anything, so it needs no nonce). A pass through the proxy cost
  // each API call more than its own work did.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc/).*)"],
};
