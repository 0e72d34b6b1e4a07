// First-load JavaScript per page of every portal, from the production build (`npm run build`,
// `npm start` or `npm test` makes it): what a browser must download, gzip-compressed, before a
// page is interactive. A page's first load is the framework's root chunks (build-manifest.json)
// and every chunk its segments name (the layouts, the page, their error boundaries: the page's
// client-reference manifest), each counted once. `next build` (Turbopack) no longer prints these
// figures, so they are computed here from the same manifests, and checked against the chunk list
// `next build` writes per route (.next/diagnostics/route-bundle-stats.json): a chunk either names
// is counted. Chunks a page loads only later (a form when it is opened: next/dynamic, import())
// are not first load. These are the page's own `<script>` tags less Next's `noModule` polyfills
// (firstLoadScripts), which the national bench (national.ts) counts over HTTP on a served page in
// the same way. Every page of every portal is measured; a portal without a build or without pages
// is an error, not a pass.
// Run alone: `npx tsx scripts/bench/bundle.ts [--all]` (per page; `--all` lists every page, not
// only the largest per portal); `npm run bench` runs it too. Exits non-zero above the target.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { ROOT } from "../lib/system";
import type { BenchResult } from "./audit-log";

export const FIRST_LOAD_TARGET_KB = 150;

const PORTAL_APPS = ["ward", "primary-care", "municipality", "admin"] as const;

export interface RouteSize {
  app: string;
  route: string;
  /** Gzip-compressed bytes of the route's first-load JavaScript. */
  gzipBytes: number;
  files: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.name.endsWith("_client-reference-manifest.js")) out.push(p);
  }
  return out;
}

/** The manifest file sets `globalThis.__RSC_MANIFEST[route] = {…}`; read it without running it. */
function entryFiles(manifestFile: string): { route: string; files: string[] } {
  const text = readFileSync(manifestFile, "utf8");
  const m = /__RSC_MANIFEST\[("(?:[^"\\]|\\.)*")\]\s*=\s*(\{[\s\S]*\});?\s*$/.exec(text);
  if (!m) throw new Error(`Okänt format på ${manifestFile}`);
  const route = JSON.parse(m[1]!) as string;
  const manifest = JSON.parse(m[2]!) as { entryJSFiles?: Record<string, string[]> };
  return { route, files: Object.values(manifest.entryJSFiles ?? {}).flat() };
}

/** Gzip-compressed size, as both this bench and the national one count it (level 9, the most a server would send). */
export const gzipBytes = (data: Buffer) => gzipSync(data, { level: 9 }).length;

/**
 * The scripts a browser loads first for a served page: its `<script src>` tags, except `noModule`
 * ones (Next's polyfills for browsers without ES modules: every browser the portals support skips
 * them). Chunks named only by `<link rel="preload">` (next/dynamic's low-priority preloads) load
 * after the page and are not counted, as the manifests do not name them either.
 */
export function firstLoadScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const srcs = tags.filter((t) => !/\snomodule\b/i.test(t)).map((t) => /\ssrc="([^"]+\.js[^"]*)"/.exec(t)?.[1]);
  return [...new Set(srcs.filter((s): s is string => s !== undefined))];
}

/**
 * The scripts a served page names only in `<link rel="preload" as="script">` (its next/dynamic
 * parts: the page's own code and the logged-in frame, loaded beside the first-load scripts and
 * taking over the page when they come): not first load, but what the page needs before its
 * controls work. The national bench prints their size beside the first-load figure.
 */
export function preloadedScripts(html: string): string[] {
  const first = new Set(firstLoadScripts(html));
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((t) => /\srel="preload"/.test(t) && /\sas="script"/.test(t));
  const hrefs = links.map((t) => /\shref="([^"]+\.js[^"]*)"/.exec(t)?.[1]).filter((s): s is string => s !== undefined && !first.has(s));
  return [...new Set(hrefs)];
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipBytes(readFileSync(file));
    gzipCache.set(file, size);
  }
  return size;
}

/** `next build`'s own first-load chunk list per route (URL path, route groups left out), when it wrote one. */
function nextRouteChunks(next: string): Map<string, string[]> {
  const file = path.join(next, "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return new Map();
  const stats = JSON.parse(readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  // Paths are relative to the app (".next/static/…"); the client-reference manifests' are relative to .next.
  return new Map(stats.map((s) => [s.route, s.firstLoadChunkPaths.map((p) => p.replace(/^\.next\//, ""))]));
}

/** The URL path of an app-router page: "/(app)/arenden/[id]/page" → "/arenden/[id]". */
const urlPath = (route: string) => route.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/";

/** Every page (not route handlers) of one portal app, with its first-load JavaScript. */
export function routeSizes(app: string): RouteSize[] {
  const next = path.join(ROOT, "apps", app, ".next");
  const buildManifest = path.join(next, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`Inget bygge av apps/${app}: kör \`npm run build\` först.`);
  const root = (JSON.parse(readFileSync(buildManifest, "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const fromNext = nextRouteChunks(next);
  const sizes: RouteSize[] = [];
  for (const manifest of walk(path.join(next, "server", "app"))) {
    const { route, files } = entryFiles(manifest);
    if (!route.endsWith("/page")) continue;
    const all = [...new Set([...root, ...files, ...(fromNext.get(urlPath(route)) ?? [])])].map((f) => path.join(next, f));
    sizes.push({ app, route: route.replace(/\/page$/, "") || "/", gzipBytes: all.reduce((n, f) => n + gzipSize(f), 0), files: all.length });
  }
  if (sizes.length === 0) throw new Error(`Inga sidor i bygget av apps/${app}.`);
  return sizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/**
 * Code that must never be in a portal's client chunks, first load or later: zod's other locales
 * (`z.locales.sv` brings all of them; import "zod/v4/locales/sv.js"), and server modules (the
 * `server-only` guard's message, Drizzle, the PostgreSQL driver).
 */
const FORBIDDEN_IN_CLIENT: { what: string; marker: string }[] = [
  { what: "zods övriga språk (zod/v4/locales)", marker: "Ungültige Eingabe" },
  { what: "serverkod (server-only)", marker: "cannot be imported from a Client Component module" },
  { what: "Drizzle", marker: "drizzle-orm" },
  { what: "PostgreSQL-drivrutinen (pg)", marker: "PGPASSWORD" },
];

/** The client chunks of a portal that hold forbidden code, as "file: what". */
export function forbiddenClientCode(app: string): string[] {
  const dir = path.join(ROOT, "apps", app, ".next", "static", "chunks");
  const found: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const f of FORBIDDEN_IN_CLIENT) if (text.includes(f.marker)) found.push(`apps/${app}/.next/static/chunks/${file}: ${f.what}`);
  }
  return found;
}

const kb = (bytes: number) => bytes / 1024;

/** The largest first load of each portal, against the target (every page is at most that). */
export function benchBundles(): BenchResult[] {
  const forbidden = PORTAL_APPS.flatMap(forbiddenClientCode);
  for (const f of forbidden) console.error(`  ✖ ${f}`);
  const clean: BenchResult = { name: "client chunks with zod's other locales or server code", value: forbidden.length, unit: "files", target: 0 };
  return [
    clean,
    ...PORTAL_APPS.map((app) => {
      const sizes = routeSizes(app);
      const largest = sizes[0]!;
      const over = sizes.filter((s) => kb(s.gzipBytes) > FIRST_LOAD_TARGET_KB).length;
      return {
        name: `first-load JS, gzip, largest of ${sizes.length} pages of apps/${app} (${largest.route}; ${over} over)`,
        value: Math.round(kb(largest.gzipBytes) * 10) / 10,
        unit: "kB",
        target: FIRST_LOAD_TARGET_KB,
      };
    }),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const all = process.argv.includes("--all");
  let over = 0;
  console.log("portal".padEnd(14) + "page".padEnd(44) + "first-load JS (gzip)".padStart(22));
  for (const app of PORTAL_APPS) {
    const sizes = routeSizes(app);
    for (const s of all ? sizes : sizes.slice(0, 3)) console.log(app.padEnd(14) + s.route.padEnd(44) + `${kb(s.gzipBytes).toFixed(1)} kB`.padStart(22));
    const bad = sizes.filter((s) => kb(s.gzipBytes) > FIRST_LOAD_TARGET_KB);
    over += bad.length;
    if (!all && sizes.length > 3) console.log(`${"".padEnd(14)}… ${sizes.length - 3} sidor till, den minsta ${kb(sizes.at(-1)!.gzipBytes).toFixed(1)} kB`);
  }
  const forbidden = PORTAL_APPS.flatMap(forbiddenClientCode);
  for (const f of forbidden) console.error(`✖ ${f}`);
  if (forbidden.length > 0) process.exit(1);
  if (over > 0) {
    console.error(`\n✖ ${over} sidor laddar mer än ${FIRST_LOAD_TARGET_KB} kB JavaScript (gzip) vid första besöket.`);
    process.exit(1);
  }
  console.log(`\n✔ Varje portalsida laddar högst ${FIRST_LOAD_TARGET_KB} kB JavaScript (gzip) vid första besöket.`);
}
