/** The portal's own people: users, the organizations they run, and who belongs where. */
import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the tsconfig paths.
import { MEMBER_ROLES, type MemberRole } from "../../../lib/roles";

export const memberRole = pgEnum("member_role", MEMBER_ROLES);
export type { MemberRole };

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    /** argon2id PHC string: carries its own parameters. */
    passwordHash: text("password_hash").notNull(),
    locale: text("locale"),
    /**
     * When the user proved they read this address (sign-up link, invitation link). Until then
     * nothing is created at the chat provider on their behalf. Users who existed before
     * verification was introduced were marked verified by the migration.
     */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** The TOTP shared secret (base32), encrypted like operator tokens (server/crypto); null until enrolled. */
    twoFactorSecret: text("two_factor_secret"),
    /** Set when enrolment was confirmed with a code; two-factor sign-in is on while this is set. */
    twoFactorEnabledAt: timestamp("two_factor_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted (Unix seconds ÷ 30): a code is never accepted twice. */
    twoFactorLastStep: bigint("two_factor_last_step", { mode: "number" }),
    /**
     * Platform staff (the integrator's own people): may use the console at /admin, with two-factor
     * sign-in on. Not an organization role. Set by `npm run staff:grant` or PLATFORM_STAFF_EMAILS.
     */
    isStaff: boolean("is_staff").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    // The console's search by the start of an e-mail (LIKE 'ana@%' needs the pattern operator class).
    index("users_email_prefix_idx").on(sql`lower(${t.email}) text_pattern_ops`),
  ],
);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Set by an owner: owners and admins must use two-factor sign-in before changing anything. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    /** When platform staff suspended the organization (null: not suspended). The console sets and clears it. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The console's Clientes list pages through every organization by these (keyset).
  (t) => [
    index("organizations_created_idx").on(t.createdAt, t.id),
    index("organizations_name_idx").on(sql`lower(${t.name})`, t.id),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_unique").on(t.organizationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export type User = typeof users.$inferSelect;
export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;

/**
 * One row per signed-in browser. The JWT cookie names its row (`sid`); every request
 * checks that the row is alive, so sign-out, "sign out everywhere" and a password change
 * take effect at the next request even though JWTs cannot be revoked by themselves.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent"),
    /** The client address the session was opened from (as the rate limiter sees it). */
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;

/**
 * "Esqueci minha senha": one row per reset link sent. The link carries a 32-byte random
 * token; only its sha256 is kept. A row is used once (`used_at`) and expires within the hour.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_unique").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
  ],
);

export type PasswordReset = typeof passwordResets.$inferSelect;

/**
 * E-mail verification links: one row per link sent. `email` is the address the link proves
 * (the sign-up address, or the new address of an e-mail change, which takes effect only when
 * its link is used). Only the sha256 of the 32-byte token is kept; a link works once, for 24 h.
 */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    /** "sign_up": proves the account's address; "change": the new address replaces the old one when used. */
    purpose: text("purpose", { enum: ["sign_up", "change"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_verifications_token_hash_unique").on(t.tokenHash),
    index("email_verifications_user_idx").on(t.userId),
  ],
);

export type EmailVerification = typeof emailVerifications.$inferSelect;

/** Two-factor recovery codes: 10 per enrolment, shown once, kept as hashes, each used once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export type RecoveryCode = typeof recoveryCodes.$inferSelect;
