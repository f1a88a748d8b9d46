/**
 * The platform's settings (Configuração da plataforma): the integrator's product name, logo,
 * primary colour, support e-mail and price per seat, as saved from the console, with the
 * environment's values as defaults when nothing is saved (PORTAL_PRODUCT_NAME,
 * PLAN_PRICE_PER_SEAT).
 *
 * Read on almost every request (titles, header, colours), so the row is cached in the process:
 * one query when a process first needs it, none after, and a save replaces the cached copy. That
 * is right for this portal, which runs as one server process (PGlite allows no other); several
 * instances behind a load balancer would each keep serving their copy until restarted.
 *
 * `getPlatformSettings()` is the one reader other code uses (the suspension page reads
 * `supportEmail` from it).
 */
import "server-only";
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { normalizeHex } from "@/lib/branding/color";
import { bytesFromBase64, checkLogo, type LogoType } from "@/lib/branding/logo";
import { parsePlanPrice } from "@/lib/plan/price";
import type { TPlatformSettingsInput } from "@/lib/validation/platform-settings";
import { appError } from "@/server/errors";
import { dbConfigFromEnv, getDb, portalDbIsOpen, type Db } from "@/server/db/client";
import { platformAuditLog, platformSettings, type PlatformSettingsRow } from "@/server/db/schema";
import { processWide } from "@/server/process/process-wide";
import { snapshotFor } from "./settings-snapshot";

/** The saved logo (bytes kept in memory with the rest: ≤ 200 kB). */
export interface StoredLogo {
  bytes: Uint8Array;
  type: LogoType;
  sha256: string;
}

/** What is saved (null: nothing saved for that field, the default applies). */
export interface StoredPlatformSettings {
  productName: string | null;
  primaryColor: string | null;
  supportEmail: string | null;
  pricePerSeatCents: number | null;
  logo: StoredLogo | null;
  updatedAt: Date | null;
}

/** The settings in force: what is saved, else the environment's default. */
export interface PlatformSettings {
  /** Saved, else PORTAL_PRODUCT_NAME; null: "Portal PlugChat" in the reader's language (messages common.appName). */
  productName: string | null;
  /** "#rrggbb"; null: the portal's own green. */
  primaryColor: string | null;
  /** Where customers write for help (the suspension page shows it); null when nobody saved one. */
  supportEmail: string | null;
  /** Centavos per seat per month; null: "combinado com o seu fornecedor". */
  pricePerSeatCents: number | null;
  /** The logo, served by app/api/branding/logo (`path` changes with the file, so it is cached for a year). */
  logo: { path: string; type: LogoType; sha256: string } | null;
  /** Exactly what is saved, for the console's form. */
  saved: StoredPlatformSettings;
  /** What applies when a field is left empty (from the environment). */
  defaults: { productName: string | null; pricePerSeatCents: number | null; supportEmail: string | null };
}

export const LOGO_ROUTE = "/api/branding/logo";

const EMPTY: StoredPlatformSettings = {
  productName: null,
  primaryColor: null,
  supportEmail: null,
  pricePerSeatCents: null,
  logo: null,
  updatedAt: null,
};

/** The environment's defaults, read per call (tests and one build serving any brand). */
export function envDefaults(env: NodeJS.ProcessEnv = process.env): PlatformSettings["defaults"] {
  let pricePerSeatCents: number | null = null;
  try {
    pricePerSeatCents = env.PLAN_PRICE_PER_SEAT?.trim() ? parsePlanPrice(env.PLAN_PRICE_PER_SEAT) : null;
  } catch {
    // Refused at start by server/config/env.ts; a test that sets a bad value gets no price.
  }
  const supportEmail = env.SUPPORT_EMAIL?.trim().toLowerCase() || null;
  return {
    productName: env.PORTAL_PRODUCT_NAME?.trim() || null,
    pricePerSeatCents,
    supportEmail: supportEmail && z.email().safeParse(supportEmail).success ? supportEmail : null,
  };
}

/** Saved values over the environment's defaults (pure). */
export function resolvePlatformSettings(
  saved: StoredPlatformSettings,
  env: NodeJS.ProcessEnv = process.env,
): PlatformSettings {
  const defaults = envDefaults(env);
  return {
    productName: saved.productName ?? defaults.productName,
    primaryColor: saved.primaryColor,
    supportEmail: saved.supportEmail ?? defaults.supportEmail,
    pricePerSeatCents: saved.pricePerSeatCents ?? defaults.pricePerSeatCents,
    logo: saved.logo && {
      path: `${LOGO_ROUTE}?v=${saved.logo.sha256.slice(0, 16)}`,
      type: saved.logo.type,
      sha256: saved.logo.sha256,
    },
    saved,
    defaults,
  };
}

function storedFrom(row: PlatformSettingsRow | undefined): StoredPlatformSettings {
  if (!row) return EMPTY;
  const logo =
    row.logo && row.logoType && row.logoSha256
      ? { bytes: new Uint8Array(row.logo), type: row.logoType as LogoType, sha256: row.logoSha256 }
      : null;
  return {
    productName: row.productName,
    primaryColor: row.primaryColor,
    supportEmail: row.supportEmail,
    pricePerSeatCents: row.pricePerSeatCents,
    logo,
    updatedAt: row.updatedAt,
  };
}

/**
 * One cached copy per database (the process has one; tests open several), process-wide so every
 * bundle shares it. Keyed by the connection, not the drizzle: each bundle reads the one connection
 * through a drizzle of its own (server/db/client.ts), and a save in one must reach them all.
 */
const cache = processWide("__platformSettings", () => new WeakMap<object, Promise<StoredPlatformSettings>>());

function connectionOf(db: Db): object {
  return (db as Db & { $client?: object }).$client ?? db;
}

async function loadStored(db: Db): Promise<StoredPlatformSettings> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.id, 1)).limit(1);
  return storedFrom(row);
}

function stored(db: Db): Promise<StoredPlatformSettings> {
  const key = connectionOf(db);
  let entry = cache.get(key);
  if (!entry) {
    entry = loadStored(db);
    cache.set(key, entry);
    // A failed read is not kept: the next request tries again.
    entry.catch(() => cache.get(key) === entry && cache.delete(key));
  }
  return entry;
}

/**
 * The portal's own settings: from its database, and until the process has opened the embedded
 * one, from the copy kept beside it (./settings-snapshot.ts), so a start's first page does not
 * wait for PGlite to open.
 */
async function portalStored(): Promise<StoredPlatformSettings> {
  const snapshot = snapshotFor(dbConfigFromEnv());
  if (snapshot && !portalDbIsOpen()) {
    const early = snapshot.read();
    if (early) return early;
  }
  const settings = await stored((await getDb()).db);
  snapshot?.keep(settings);
  return settings;
}

/**
 * The settings in force. No database round trip once this process has read them (a save
 * replaces the copy). Pass `db` where one is at hand (procedures, tests); pages use the portal's.
 */
export async function getPlatformSettings(db?: Db): Promise<PlatformSettings> {
  return resolvePlatformSettings(await (db ? stored(db) : portalStored()));
}

/** The saved logo's bytes (the logo route), or null. */
export async function getPlatformLogo(db?: Db): Promise<StoredLogo | null> {
  return (await (db ? stored(db) : portalStored())).logo;
}

/** How a logo is named in the change log: its type, size and a short hash, never its bytes. */
function logoFacts(logo: StoredLogo | null) {
  return logo && { type: logo.type, bytes: logo.bytes.length, sha256: logo.sha256.slice(0, 12) };
}

export interface StaffActor {
  userId: string;
  name: string;
}

/**
 * Saves the console's form (already validated by ZPlatformSettingsInput) and records the change
 * — who, when, why, each field before → after — in the same transaction. Nothing changed: nothing
 * is written. Returns the names of the fields that changed.
 */
export async function savePlatformSettings(
  db: Db,
  staff: StaffActor,
  input: TPlatformSettingsInput,
): Promise<{ changed: string[] }> {
  let logo: StoredLogo | null | undefined;
  if (input.logo.kind === "remove") logo = null;
  if (input.logo.kind === "upload") {
    const bytes = bytesFromBase64(input.logo.data);
    const check = bytes ? checkLogo(bytes) : null;
    // The schema refused it already: this is the server's own guarantee.
    if (!bytes || !check?.ok) throw appError("VALIDATION", { field: "logo" });
    logo = { bytes, type: check.type, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  const next = {
    productName: input.productName.trim() || null,
    primaryColor: input.primaryColor ? normalizeHex(input.primaryColor) : null,
    supportEmail: input.supportEmail.trim().toLowerCase() || null,
    pricePerSeatCents: input.pricePerSeat ? parsePlanPrice(input.pricePerSeat) : null,
  };

  const changed = await db.transaction(async (tx) => {
    await tx.insert(platformSettings).values({ id: 1 }).onConflictDoNothing();
    const [row] = await tx.select().from(platformSettings).where(eq(platformSettings.id, 1)).for("update");
    const before = storedFrom(row);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["productName", "primaryColor", "supportEmail", "pricePerSeatCents"] as const) {
      if (before[key] !== next[key]) changes[key] = { from: before[key], to: next[key] };
    }
    if (logo !== undefined && (before.logo?.sha256 ?? null) !== (logo?.sha256 ?? null))
      changes.logo = { from: logoFacts(before.logo), to: logoFacts(logo) };
    const names = Object.keys(changes);
    if (names.length === 0) return names;
    await tx
      .update(platformSettings)
      .set({
        ...next,
        ...(logo !== undefined && {
          logo: logo?.bytes ?? null,
          logoType: logo?.type ?? null,
          logoSha256: logo?.sha256 ?? null,
        }),
        updatedAt: new Date(),
        updatedBy: staff.userId,
      })
      .where(eq(platformSettings.id, 1));
    await tx.insert(platformAuditLog).values({
      staffUserId: staff.userId,
      staffName: staff.name,
      action: "platform_settings.update",
      reason: input.reason.trim(),
      details: { changes },
    });
    return names;
  });
  // The next reader loads the saved row (one query) — in this process, which is the only one.
  if (changed.length > 0) cache.delete(connectionOf(db));
  return { changed };
}

/** The latest changes, newest first (the console's history under the form). */
export async function listPlatformChanges(db: Db, limit = 20) {
  return db
    .select({
      id: platformAuditLog.id,
      staffName: platformAuditLog.staffName,
      action: platformAuditLog.action,
      reason: platformAuditLog.reason,
      details: platformAuditLog.details,
      createdAt: platformAuditLog.createdAt,
    })
    .from(platformAuditLog)
    .orderBy(desc(platformAuditLog.createdAt), desc(platformAuditLog.id))
    .limit(limit);
}
