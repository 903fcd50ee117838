import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * The only reader of process.env. Every variable is documented in README.md and .env.example.
 * Parsing fails fast with one readable line per bad variable.
 */
const intFromEnv = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const booleanFromEnv = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(5000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** A streaming replica for read-only queries (ADR 064); unset = every query goes to DATABASE_URL. */
    DATABASE_REPLICA_URL: z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// or postgresql:// URL")
      .optional(),
    /** Reads leave the replica while it is further behind the primary than this. */
    REPLICA_MAX_LAG_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
    REDIS_URL: z
      .string()
      .url()
      .refine((u) => /^rediss?:\/\//.test(u), "must be a redis:// or rediss:// URL")
      .optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ALLOWED_ORIGINS: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    TRUST_PROXY: z.string().default("false"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATA_DIR: z.string().default("./data"),
    SEED_DEMO: booleanFromEnv(true),
    RATE_LIMIT_PER_MINUTE: intFromEnv(100),
    AUTH_RATE_LIMIT_PER_MINUTE: intFromEnv(5),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /**
     * Keys for personal data at rest (ADR 058): `id:base64key,…`, newest first (32 bytes each; `openssl rand -base64 32`).
     * Without it the key is derived from SESSION_SECRET, or kept in DATA_DIR for embedded development.
     */
    DATA_ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{42,43}=?\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{42,43}=?\s*)*$/,
        "must be id:base64key[,id:base64key…] with 32-byte keys",
      )
      .optional(),
    /** After SIGTERM: how long the replica keeps serving (readiness already 503) so balancers stop sending to it. */
    SHUTDOWN_DELAY_MS: intFromEnv(5_000),
    /** After that delay: how long in-flight requests get to finish before the process gives up and exits 1. */
    SHUTDOWN_GRACE_MS: intFromEnv(10_000),
    /** OTLP/HTTP collector base URL (…/v1/traces is appended); unset = tracing off at no cost. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("fruitful-planet"),
    /** Slowloris guards: a client must send its headers, and its whole request, within these. */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** Open connections per client address (behind a proxy, the proxy's own pool); 0 = no cap. */
    MAX_CONNECTIONS_PER_IP: intFromEnv(256),
    /** Namespace of every Redis key and channel; default fp:<database name> (fp:embedded on PGlite). */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "must be 1-64 letters, digits or : _ . -")
      .optional(),
    /** Budget of one Redis call on a request path; slower calls count as failures and trip the breaker. */
    REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(5_000).default(250),
    /** Lifetime of cached catalog reads; 0 turns the cache off (benchmarks compare both). */
    CACHE_TTL_SECONDS: intFromEnv(60),
    // Checkout pricing: tax in basis points (825 = 8.25 %), flat shipping under the free-shipping threshold.
    TAX_RATE_BPS: z.coerce.number().int().min(0).max(5_000).default(800),
    SHIPPING_FLAT_CENTS: intFromEnv(599),
    FREE_SHIPPING_THRESHOLD_CENTS: intFromEnv(5_000),
    // Job queue (ADR 022): inline = this web process also runs job workers; off = it only enqueues.
    JOBS_MODE: z.enum(["inline", "off"]).default("inline"),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
    /** Completed job rows are purged after this many days (kinds that keep their dedupe keys forever excepted). */
    JOBS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(14),
    /** A checkout still pending after this long (a crash between order and charge) is reconciled with the provider. */
    PENDING_ORDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** An order message still unread this long after it was sent is e-mailed to the other side (ADR 055). */
    ORDER_MESSAGE_MAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    /** Liveness/readiness port of `npm run worker` (it serves nothing else). */
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(5001),
    // E-mail (ADR 024): without SMTP_URL every mail is only stored in the outbox (admins read it at /admin/outbox).
    SMTP_URL: z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("FruitfulPlanet <no-reply@fruitfulplanet.local>"),
    /** Where shoppers reach the SPA: links in e-mails point here. */
    PUBLIC_BASE_URL: z
      .string()
      .url()
      .default("http://localhost:5000")
      .transform((u) => u.replace(/\/+$/, "")),
    /** URLs per sitemap file (/sitemaps/<kind>-<n>.xml); the protocol's limit is 50,000. */
    SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(1).max(50_000).default(10_000),
    // Outgoing webhooks (ADR 025).
    /** Lets endpoints target loopback, private and link-local addresses (tests, trusted intranets); off by default (SSRF). */
    WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFromEnv(false),
    /** Attempts per delivery, the first included; with the default base the schedule spans about a day. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
    /** Delay before the first retry; each later one is four times longer (capped at 12 h), with ±20 % jitter. */
    WEBHOOK_RETRY_BASE_SECONDS: intFromEnv(30),
    /** Failed attempts in a row (across deliveries) after which an endpoint is disabled; 0 = never. */
    WEBHOOK_DISABLE_AFTER_FAILURES: intFromEnv(20),
    /** Finished deliveries older than this are deleted by the housekeeping job. */
    WEBHOOK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    // Accounts (issue 11).
    /** Admin-only routes and staff WebSocket channels answer only these client addresses (CIDRs); empty = any (ADR 041). */
    ADMIN_ALLOWED_CIDRS: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every((c) => ipaddr.isValidCIDR(c)), "must be a comma-separated list of IPv4/IPv6 CIDRs (10.0.0.0/8, fd00::/8)"),
    /** Roles that must enrol in TOTP at their next sign-in, comma-separated (e.g. admin,staff); empty = optional for all. */
    MFA_REQUIRED_ROLES: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(["customer", "staff", "admin"]))),
    /** Open WebSockets per user on one replica (the count is per process, not cluster-wide); 0 = no cap. */
    WS_MAX_CONNECTIONS_PER_USER: intFromEnv(10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
  });

/** REDIS_PREFIX is always set once parsed (derived when the variable is absent). */
export type Env = Omit<z.infer<typeof envSchema>, "REDIS_PREFIX"> & { REDIS_PREFIX: string };

/** Two deployments on one Redis server stay apart by default: they use different databases. */
export function defaultRedisPrefix(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "fp:embedded";
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "postgres";
  return `fp:${name.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 60)}`;
}

/** Every variable the server reads (deployment manifests and docs are checked against this list). */
export const envVariableNames = Object.keys(envSchema.shape) as Array<keyof Env>;

/** Parses a variables object (process.env by default); throws an Error listing every problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" (docker/k8s often pass VAR= for optional values).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, REDIS_PREFIX: result.data.REDIS_PREFIX ?? defaultRedisPrefix(result.data.DATABASE_URL) };
}

/** TRUST_PROXY as Express understands it: "true"/"false", a hop count, or a list of addresses. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
