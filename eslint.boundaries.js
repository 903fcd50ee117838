// Import boundaries that mirror the layers in docs/architecture.md ("Layers and boundaries").
// Kept apart from eslint.config.js so server/test/lint-boundaries.test.ts can lint fixtures with exactly
// these rules and nothing that needs type information.
import { readdirSync } from "node:fs";
import path from "node:path";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/**
 * Which feature's repo may import which Drizzle tables from `@shared/schema`. A feature with tables of its
 * own adds them here; any table not listed is only checked by the "repos only" rule.
 */
export const tableOwners = {
  users: ["users"],
  auth: ["sessions", "refreshTokens"],
  catalog: ["sectors", "brands", "products", "productVariants"],
  orders: ["orders", "orderItems", "orderEvents", "transactions", "idempotencyKeys"],
  audit: ["auditLog"],
  jobs: ["jobs"],
  mail: ["mailOutbox"],
  webhooks: ["webhookEndpoints", "webhookDeliveries"],
  accounts: ["accountTokens", "addresses"],
  media: ["productMedia", "mediaFiles"],
  settings: ["settings"],
  inbox: ["staffNotifications", "notificationPreferences", "lowStockThresholds", "orderMessages"],
};

/**
 * Reads of another feature's table that are allowed, file by file. Each one is explained beside the query
 * and in docs/architecture.md.
 */
const allowedCrossReads = {
  // Staff order search by customer email: one join instead of a users lookup plus a second query.
  "server/features/orders/orders.repo.ts": ["users"],
  // Staff notification fan-out: one INSERT … SELECT over the staff accounts and their preferences (ADR 054).
  "server/features/inbox/inbox.repo.ts": ["users"],
};

/**
 * A feature's data-access modules: `<f>.repo.ts`, plus the catalog's stock statements and its product mapper
 * (the product's columns and row mapping, shared by the catalog's repos).
 */
const repoFiles = ["server/features/*/**/*.repo.ts", "server/features/catalog/catalog.stock.ts", "server/features/catalog/product.mapper.ts"];

/** Tests set up and assert rows directly (through server/test/factories.ts and plain selects). */
const testFiles = ["**/*.test.ts", "**/*.test.tsx", "server/test/**"];

/**
 * Demo seeding (server/seed): one bulk transaction at boot that fills several features' tables before any
 * feature serves a request, the one place outside repos allowed to write them.
 */
const seedFiles = ["server/seed/**"];

const schemaSpecifiers = ["@shared/schema", "@shared/schema/*", "**/shared/schema", "**/shared/schema/*"];

function repoFilesOf(feature) {
  return repoFiles.map((glob) => glob.replace("*", feature)).filter((glob) => glob.includes(`/${feature}/`));
}

function tablesOf(feature) {
  return tableOwners[feature] ?? [];
}

function restrictTables(importNames, message) {
  return [
    "error",
    {
      patterns: [{ group: schemaSpecifiers, importNames, allowTypeImports: true, message }],
    },
  ];
}

function noTables(message) {
  return ["error", { patterns: [{ group: schemaSpecifiers, allowTypeImports: true, message }] }];
}

/**
 * @param {string} root absolute path of the repository (zones and the resolver are anchored there)
 * @returns {import("eslint").Linter.Config[]}
 */
export function boundaries(root) {
  const features = readdirSync(path.join(root, "server/features"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const allTables = Object.values(tableOwners).flat();
  const abs = (relative) => path.join(root, relative);

  const ownTablesOnly = features.map((feature) => ({
    name: `boundaries/${feature}-repo-tables`,
    files: repoFilesOf(feature),
    ignores: Object.keys(allowedCrossReads),
    rules: {
      "@typescript-eslint/no-restricted-imports": restrictTables(
        allTables.filter((table) => !tablesOf(feature).includes(table)),
        `A repo touches only its own feature's tables; ask the owning feature's service instead.`,
      ),
    },
  }));

  const crossReadExceptions = Object.entries(allowedCrossReads).map(([file, allowed]) => {
    const feature = file.split("/")[2];
    return {
      name: `boundaries/${feature}-repo-tables-with-cross-reads`,
      files: [file],
      rules: {
        "@typescript-eslint/no-restricted-imports": restrictTables(
          allTables.filter((table) => !tablesOf(feature).includes(table) && !allowed.includes(table)),
          `A repo touches only its own feature's tables (see the allowed cross-table reads in eslint.boundaries.js).`,
        ),
      },
    };
  });

  // A feature may use its own repo; another feature's data comes through that feature's service or events.
  // catalog.stock.ts is not in `from`: it is the catalog's stock port, run inside the caller's transaction.
  const otherFeaturesRepos = features.map((feature) => ({
    target: abs(`server/features/${feature}`),
    from: [abs("server/features/*/**/*.repo.ts")],
    except: [abs(`server/features/${feature}/**`)],
    message: "Features talk through services or events: import the other feature's service, not its repo.",
  }));

  return [
    {
      name: "boundaries/resolver",
      files: ["**/*.{js,mjs,ts,tsx}"],
      languageOptions: { parser: tseslint.parser },
      plugins: { "import-x": importX, "@typescript-eslint": tseslint.plugin },
      settings: {
        "import-x/resolver-next": [createTypeScriptImportResolver({ project: abs("tsconfig.base.json") })],
      },
      rules: {
        "import-x/no-restricted-paths": [
          "error",
          {
            basePath: root,
            zones: [
              {
                target: "client",
                from: ["server", "scripts", "bench"],
                message: "The SPA never imports server code: share types and schemas through shared/.",
              },
              {
                target: "shared",
                from: ["server", "client", "scripts"],
                message: "shared/ is imported by both sides and imports neither.",
              },
              {
                target: ["server/lib", "server/db"],
                from: "server/features",
                message: "server/lib and server/db sit below the features and never import one; pass what they need in.",
              },
              {
                target: "server",
                from: "scripts",
                message: "Runtime code does not import scripts/.",
              },
              ...otherFeaturesRepos,
            ],
          },
        ],
      },
    },
    {
      name: "boundaries/tables-only-in-repos",
      files: ["client/**/*.{ts,tsx}", "server/**/*.ts"],
      ignores: [...repoFiles, ...testFiles, ...seedFiles, "server/db/**"],
      rules: {
        "@typescript-eslint/no-restricted-imports": noTables(
          "Only a feature's repo (<feature>.repo.ts) imports Drizzle tables; types alone are fine (import type).",
        ),
      },
    },
    ...ownTablesOnly,
    ...crossReadExceptions,
  ];
}
