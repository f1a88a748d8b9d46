/**
 * Configuration, validated once with zod (@t3-oss/env-nextjs). Nothing is required in
 * development; production secrets are checked at start-up by `assertProductionConfig`
 * (server/config/secrets.ts), not here, because `next build` imports this module too.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { parsePlanPrice } from "@/lib/plan/price";
import { parseRoleCodes } from "@/lib/validation/role-codes";

const optionalUrl = z.url().optional();

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Where the embedded database, dev secrets and emulator state live. */
    DATA_DIR: z.string().min(1).default(".data"),
    /** postgres://… selects node-postgres; unset selects the embedded PGlite database. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    /** The portal's public origin, e.g. https://portal.example.com (webhook URLs, auth callbacks). */
    PUBLIC_URL: optionalUrl,
    NEXTAUTH_URL: optionalUrl,
    /** The portal's name in tab titles and on the sign-in page (default "Portal PlugChat"). */
    PORTAL_PRODUCT_NAME: z.string().trim().min(1).max(80).optional(),
    /** Where a suspended customer's people are told to write (the suspension page). */
    SUPPORT_EMAIL: z.email().optional(),
    /** Signs session JWTs. Generated once in development. */
    NEXTAUTH_SECRET: z.string().min(32).optional(),
    /** Operator accessToken encryption keys: "kid:base64key[,kid:base64key…]", first one encrypts. */
    ENCRYPTION_KEYS: z.string().min(1).optional(),
    CHAT_PROVIDER: z.enum(["plugchat", "cdp"]).default("plugchat"),
    PLUGCHAT_BASE_URL: optionalUrl,
    PLUGCHAT_TOKEN: z.string().min(1).optional(),
    PLUGCHAT_SDK_URL: optionalUrl,
    PLUGCHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** CDP gateway origin (the API is under /v1 below it). Dev fallback: the local CDP emulator. */
    CDP_BASE_URL: optionalUrl,
    CDP_TOKEN: z.string().min(1).optional(),
    /** Integrator-level default space: when both are set, onboarding does not ask for them. */
    CDP_PROJECT_UUID: z.string().min(1).optional(),
    CDP_ITEM_UUID: z.string().min(1).optional(),
    /** "bearer" (default), "Header-Name" (bare token) or "Header-Name: Scheme". */
    CDP_AUTH_HEADER: z.string().min(1).optional(),
    CDP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /**
     * The gateway's operator role codes, comma-separated (default ADMIN,SUPERVISOR,AGENT): the
     * form's choices; the first is the administrator's, the last a new operator's default.
     */
    CDP_ROLE_CODES: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        try {
          parseRoleCodes(v);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    /**
     * The price the integrator charges per seat per month, in reais ("49.90" or "49,90"): the plan
     * step shows seats × price. Unset: the page says the price is agreed with the provider.
     */
    PLAN_PRICE_PER_SEAT: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        if (v === undefined) return;
        try {
          parsePlanPrice(v);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    /** How many vendor calls the CSV operator import makes at once, per portal instance. */
    IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** Days an attendance (and its webhook deliveries) is kept; older ones are purged by a background job. */
    ATTENDANCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** Seconds a satisfaction report is answered from the cache before the chat is asked again. */
    REPORTS_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    /**
     * Platform staff by e-mail, comma-separated ("ana@integrador.com.br,bruno@integrador.com.br"):
     * granted staff at start and when an account with a listed address is created (server/auth/staff.ts).
     */
    PLATFORM_STAFF_EMAILS: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || v.split(",").every((e) => !e.trim() || z.email().safeParse(e.trim()).success),
        "must be e-mail addresses separated by commas",
      ),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("PlugChat Portal <no-reply@localhost>"),
    /**
     * Proxies in front of the portal that append to X-Forwarded-For (0: clients connect directly;
     * 1: one reverse proxy or load balancer; 2: a load balancer and then a proxy). The client's
     * address, which rate limits count, is taken that many hops from the right.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export const isProduction = env.NODE_ENV === "production";

/** The documented development default of the integrator token (the emulator accepts it). */
export const DEV_PLUGCHAT_TOKEN = "dev-integrator-token";
/** The documented development default of the CDP gateway token (the CDP emulator accepts it). */
export const DEV_CDP_TOKEN = "dev-cdp-token";
