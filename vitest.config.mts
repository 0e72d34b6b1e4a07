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
          testTimeout: 30_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
    ],
  },
});
