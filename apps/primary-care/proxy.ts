import type { NextRequest } from "next/server";
import { createPortalProxy } from "@vardkedjan/api/portal/security-headers";

// Security headers on every response of this portal (pages, API, documents): a nonce-based CSP
// per request. The environment is read here as in src/server.ts: the proxy is bundled apart.
const handle = createPortalProxy("primarvard", process.env);

export function proxy(request: NextRequest) {
  return handle(request);
}

export const config = {
  // Everything but Next's immutable build files and the icon (the shared Next config gives those
  // the headers that never change).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
