import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (never a downloaded browser). The portals are started by
// scripts/test.ts, which passes their URLs in E2E_* variables.
/** Tolvan Tolvansson's admissions: each spec leaves his case closed for the next, in the order they run. */
export const SHARED_FLOWS = [
  "case-page.spec.ts",
  "case-privacy.spec.ts",
  "correction.spec.ts",
  "deviations.spec.ts",
  "discharge.spec.ts",
  "structured-content.spec.ts",
].map((f) => `**/${f}`);

/**
 * Specs that leave Tolvan alone, run beside his admissions on their system so that the three groups
 * take about as long each (in file order: between discharge and structured-content).
 */
export const BESIDE_SHARED_FLOWS = ["first-paint.spec.ts", "reports.spec.ts"].map((f) => `**/${f}`);

/**
 * The declared outages (an outage shows on every page of its region, so no other spec may run
 * beside them), after two independent specs that a running outage would not disturb either: the
 * three groups take about as long each. Tolvan is free on this system's own copy of the demo data.
 */
export const OUTAGE_FLOWS = ["hardening.spec.ts", "login.spec.ts", "outage-privacy.spec.ts", "outage.spec.ts"].map((f) => `**/${f}`);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  // One worker per system: the flows of a group share its demo data (an outage declared in one
  // would show in another). scripts/test.ts starts one system per group and runs the groups side
  // by side; a run on one system runs both groups in turn.
  workers: 1,
  projects: [
    // Each group in file order on a system of its own (scripts/test.ts runs the three side by side).
    { name: "forlopp", testMatch: [...SHARED_FLOWS, ...BESIDE_SHARED_FLOWS], outputDir: "./test-results/forlopp" },
    { name: "drift", testMatch: OUTAGE_FLOWS, outputDir: "./test-results/drift" },
    { name: "ovrigt", testIgnore: [...SHARED_FLOWS, ...BESIDE_SHARED_FLOWS, ...OUTAGE_FLOWS], outputDir: "./test-results/ovrigt" },
  ],
  retries: 0,
  // Limits for a hung test, not speed targets: CI runs the browser tests beside Vitest and a second
  // system on two busy cores, where a flow that takes 30 s alone can take three times as long.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    headless: true,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    // A failed test keeps its trace: every action with the page's DOM before and after, the network
    // and the console. Without the film strip: recording it (a JPEG of every frame each page paints,
    // in every open context) took a sixth of the browser tests' time. The DOM snapshots, about
    // another eighth, are kept: they show the same pages, and they are how a failure is understood.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
});
