// `npm run bench -- --live` (or `tsx scripts/bench-live.ts`): end-to-end latency through the real
// portals, as separate processes on a fresh database. Needs a build (`npm start` or `npm test`
// makes one) and Chromium. Figures: send → appearance in another portal (median of 20), and
// "Starta driftstörning" → the outage event on 200 connected pages, plus the banner on real pages.
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { ROOT, portsFromEnv, startSystem } from "./lib/system";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

mkdirSync(path.join(ROOT, ".data"), { recursive: true });
const dir = mkdtempSync(path.join(ROOT, ".data/bench-live-"));
const system = await startSystem({ dataDir: dir, ...portsFromEnv({}, 1500), skipBuild: true, childOutput: "quiet", log: () => undefined });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async function login(url: string, who: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByRole("button", { name: new RegExp(who) }).click();
  await page.waitForURL((u) => u.toString().startsWith(url));
  return page;
}

/** Calls a tRPC procedure from the page (its cookies), with superjson's encoding for Date fields. */
async function call(page: Page, procedure: string, input: Record<string, unknown>, dates: string[] = []): Promise<unknown> {
  const meta = dates.length ? { values: Object.fromEntries(dates.map((k) => [k, ["Date"]])) } : undefined;
  const body = JSON.stringify({ 0: { json: input, ...(meta ? { meta } : {}) } });
  const result = (await page.evaluate(
    `fetch(${JSON.stringify(`/api/trpc/${procedure}?batch=1`)}, { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(body)} }).then((r) => r.json())`,
  )) as {
    result?: { data?: { json?: unknown } };
    error?: unknown;
  }[];
  if (result[0]?.error) throw new Error(JSON.stringify(result[0].error));
  return result[0]?.result?.data?.json;
}

/** Records, in the page, when a text first appears (a MutationObserver: no polling delay). */
async function watchFor(page: Page, key: string, test: string) {
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await page.evaluate(`(() => {
    const w = window; w.__seen = w.__seen || {};
    const k = ${JSON.stringify(key)}, t = ${JSON.stringify(test)};
    const check = () => { if (!w.__seen[k] && document.body.innerText.includes(t)) w.__seen[k] = Date.now(); };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  })()`);
}
async function seenAt(page: Page, key: string, timeoutMs = 10_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const t = (await page.evaluate(`(window.__seen || {})[${JSON.stringify(key)}] || 0`)) as number;
    if (t) return t;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${key} did not appear within ${timeoutMs} ms`);
}

const results: string[] = [];
try {
  const sanna = await login(system.urls.slutenvard, "Sanna Sjöberg");
  const berit = await login(system.urls.kommun, "Berit Holm");
  const asa = await login(system.urls.forvaltning, "Åsa Berg");

  const prep = (await call(sanna, "case.prepare", { identifier: "191212121212" })) as {
    options: { wards: { id: string }[] };
    proposed: { municipalityUnitId: string; primaryCareUnitId: string };
  };
  const { caseId } = (await call(
    sanna,
    "case.create",
    {
      identifier: "191212121212",
      admittedAt: new Date(Date.now() - 3600_000).toISOString(),
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk",
      lpt: false,
      lrv: false,
      municipalityUnitId: prep.proposed.municipalityUnitId,
      primaryCareUnitId: prep.proposed.primaryCareUnitId,
      otherPartyUnitIds: [],
      idempotencyKey: `bench-${Date.now()}`,
    },
    ["admittedAt"],
  )) as { caseId: string };
  const view = (await call(sanna, "case.get", { caseId })) as { viewer: { defaultRecipients: Record<string, string[]> } };
  await berit.goto(`${system.urls.kommun}/arenden/${caseId}`);
  await berit.getByRole("heading", { level: 1 }).waitFor();

  // Send → appearance in the other portal (a separate process), 20 times.
  const latencies: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const subject = `Mätning ${i} ${Date.now()}`;
    await watchFor(berit, `m${i}`, subject);
    const t0 = Date.now();
    await call(sanna, "case.sendMessage", {
      caseId,
      kind: "generellt",
      payload: { subject, text: "Test av uppdateringstid" },
      recipientUnitIds: view.viewer.defaultRecipients.generellt ?? [],
      idempotencyKey: `bench-${i}-${t0}`,
    });
    latencies.push((await seenAt(berit, `m${i}`)) - t0);
  }
  results.push(`send → visible in the Kommun portal (another process), median of 20: ${median(latencies)} ms (worst ${Math.max(...latencies)} ms)`);

  // 200 connected pages: 198 event streams with Berit's session plus two real pages with the banner.
  const cookie = (await berit.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const arrivals: number[] = [];
  let declaredAt = 0;
  const controllers: AbortController[] = [];
  await Promise.all(
    Array.from({ length: 198 }, async () => {
      const ac = new AbortController();
      controllers.push(ac);
      const res = await fetch(`${system.urls.kommun}/api/events`, { headers: { cookie }, signal: ac.signal });
      const reader = res.body!.getReader();
      void (async () => {
        const dec = new TextDecoder();
        let buf = "";
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buf += dec.decode(value);
          if (buf.includes("event: outage") && declaredAt) {
            arrivals.push(Date.now() - declaredAt);
            return;
          }
        }
      })();
    }),
  );
  await sanna.goto(system.urls.slutenvard);
  await berit.goto(system.urls.kommun);
  await watchFor(sanna, "banner", "Driftstörning pågår");
  await watchFor(berit, "banner", "Driftstörning pågår");
  await new Promise((r) => setTimeout(r, 1000));
  declaredAt = Date.now();
  await call(asa, "outage.declare", { system: "journalsystem", scope: "region", message: "Mätning", idempotencyKey: `bench-live-${Date.now()}` });
  const banners = [(await seenAt(sanna, "banner")) - declaredAt, (await seenAt(berit, "banner")) - declaredAt];
  const until = Date.now() + 10_000;
  while (arrivals.length < 198 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  for (const c of controllers) c.abort();
  const all = [...arrivals, ...banners];
  results.push(
    `"Starta driftstörning" → outage on ${all.length} connected pages: median ${median(all)} ms, worst ${Math.max(...all)} ms (banner rendered on the two real pages: ${banners.join(" / ")} ms)`,
  );
} finally {
  await browser.close();
  await system.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(results.join("\n"));
