import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Walls between layers (README "Layout"): an import across one is a lint error.
 * Patterns match both "@/…" and relative specifiers; tests/unit/lint-walls.test.ts proves each wall.
 */
const wall = (regex, message) => ({ regex, message });
const NO_EMULATORS = wall(
  "(^|/)emulators(/|$)",
  "emulators/ is a test stand-in: only emulators/, tests/, e2e/, bench/ and scripts/ import it.",
);
const NO_DB_FROM_UI = wall(
  "(^|/)server/db(/|$)",
  "app/ and components/ never import server/db: go through server/ (a tRPC caller, server/auth, server/provisioning…).",
);
const NO_API_FROM_PROVISIONING = [
  wall(
    "(^|/)server/api(/|$)",
    "server/provisioning sits below the API layer: throw appError from @/server/errors, never import server/api.",
  ),
  wall("^(\\.\\./)+api(/|$)", "server/provisioning sits below the API layer: never import server/api."),
];
const NO_UPWARD_FROM_PROVIDERS = [
  wall("(^|/)server/(provisioning|db)(/|$)", "server/providers knows neither provisioning nor the database."),
  wall("^(\\.\\./)+(provisioning|db)(/|$)", "server/providers knows neither provisioning nor the database."),
];
const ONLY_DB_FROM_JOBS = [
  wall(
    "(^|/)server/(api|provisioning|providers|webhooks|mail|auth)(/|$)",
    "server/jobs is the queue mechanics under the workers: it knows server/db only, never the work it runs.",
  ),
  wall(
    "^(\\.\\./)+(api|provisioning|providers|webhooks|mail|auth)(/|$)",
    "server/jobs is the queue mechanics under the workers: it knows server/db only.",
  ),
];
const walls = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "e2e-artifacts/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // `const { total, ...item } = row` is how a key is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports", prefer: "type-imports" },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
    ignores: ["emulators/**", "tests/**", "e2e/**", "bench/**", "scripts/**"],
    rules: walls(NO_EMULATORS),
  },
  { files: ["app/**", "components/**"], rules: walls(NO_EMULATORS, NO_DB_FROM_UI) },
  { files: ["server/provisioning/**"], rules: walls(NO_EMULATORS, ...NO_API_FROM_PROVISIONING) },
  { files: ["server/providers/**"], rules: walls(NO_EMULATORS, ...NO_UPWARD_FROM_PROVIDERS) },
  { files: ["server/jobs/**"], rules: walls(NO_EMULATORS, ...ONLY_DB_FROM_JOBS) },
  {
    // Playwright fixtures receive a callback named `use`; it is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
