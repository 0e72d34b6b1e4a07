import { defineConfig } from "vitest/config";

// Two tiers by file name (ENGINEERING.md §11): *.test.ts are pure and fast; *.int.test.ts run
// against a real PostgreSQL, each file in its own database cloned from a migrated template.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
          // One module graph for all unit files instead of a fresh import per file: no unit test mocks
          // a module, stubs a global or the environment, or leaves state behind (the one console spy
          // is restored after each test), and the re-imports cost more CPU than the tests themselves
          // (80 → 28 CPU-s for the tier here). Keep it so: restore what a test changes. The
          // integration files keep one graph each: each opens a database of its own.
          isolate: false,
          // Property tests evaluate thousands of cases; on a busy two-core machine 5 s is not enough.
          // A ceiling for a hung test, not a speed target (those are in `npm run bench`).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts", "apps/*/src/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          globalSetup: ["./packages/db/src/testing/global-setup.ts"],
          // One module graph for all integration files too: each opens a database of its own, and
          // what a module keeps per process is keyed by its database (pools, session loaders, the
          // scope cache by database name and tree version), so no file sees another's state. The
          // re-imports cost half the tier's CPU (174 → 78 CPU-s here, 153 → 75 s alone).
          isolate: false,
          // A ceiling for a hung test, not a speed target: the history loader's tests take about 20 s
          // alone and met a 30 s limit when `npm test` ran them beside the browser tests.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
    ],
  },
});
