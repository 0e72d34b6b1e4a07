// One ESLint config for the workspace. Besides the usual rules it enforces the import directions
// of ENGINEERING.md: apps → api → (auth, db, domain), apps → ui, domain → nothing; and no cycles.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import globals from "globals";

const patterns = (...names) => names.flatMap((n) => [`@vardkedjan/${n}`, `@vardkedjan/${n}/*`]);

/** Forbid importing these workspace packages (and anything else listed) from the given files. */
function forbid(files, names, extra = [], message) {
  return {
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [{ group: [...patterns(...names), ...extra], message: message ?? "Importriktningen i ENGINEERING.md förbjuder detta beroende." }],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      ".data/**",
      "**/next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "packages/db/drizzle/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".mjs"] } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-console": "off",
    },
  },
  // The hook rules (with the React Compiler's analysis, most of lint's time) only where React code
  // can live: the portals, ui, the API's server-side React helpers and any .tsx file. The plugin
  // stays registered everywhere, so its rule names resolve in every file.
  {
    files: ["apps/**", "packages/ui/**", "packages/api/src/portal/**", "**/*.tsx"],
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["packages/**/*.ts", "packages/**/*.tsx"],
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  // domain → nothing: pure rules, no IO, no framework.
  forbid(
    ["packages/domain/**"],
    ["db", "api", "auth", "ui"],
    ["node:*", "pg", "drizzle-orm", "drizzle-orm/*", "next", "next/*", "react", "next-auth"],
    "packages/domain är rena regler utan IO och utan beroenden på andra paket.",
  ),
  forbid(["packages/db/**"], ["api", "auth", "ui", "documents"]),
  // documents renders PDFs from plain data: no other workspace package.
  forbid(["packages/documents/**"], ["db", "api", "auth", "ui", "domain"]),
  forbid(["packages/auth/**"], ["db", "api", "ui"]),
  forbid(["packages/api/**"], ["ui"]),
  // ui renders; it may use the API's types but never its runtime, the database or auth.
  {
    files: ["packages/ui/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: patterns("db", "auth", "documents"),
              message: "ui får inte bero på databasen, inloggningen eller PDF-renderingen (läser filer från disk).",
            },
            { group: patterns("api"), allowTypeImports: true, message: "ui får bara importera typer från @vardkedjan/api." },
            { group: ["drizzle-orm", "drizzle-orm/*", "pg"], message: "ui får inte röra databasen." },
          ],
        },
      ],
    },
  },
  // A portal never imports the database: everything goes through the API.
  forbid(
    ["apps/ward/**", "apps/primary-care/**", "apps/municipality/**", "apps/admin/**"],
    ["db", "auth"],
    ["drizzle-orm", "drizzle-orm/*", "pg"],
    "En portal går via @vardkedjan/api, aldrig direkt till databasen.",
  ),
);
