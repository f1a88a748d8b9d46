/**
 * Platform staff: the flag, `npm run staff:grant|revoke` (the script itself, run as a process on a
 * PGlite data folder and on Postgres), PLATFORM_STAFF_EMAILS (at start and for accounts created
 * later), staffProcedure's refusals, and staff actions in the customer's audit log.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import type { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, createContextInner, createTRPCRouter, staffProcedure } from "@/server/api/trpc";
import { auditStaffAction } from "@/server/audit/staff";
import { registerUser } from "@/server/auth/accounts";
import { grantListedStaff, loadStaff, parseStaffEmails, setStaff } from "@/server/auth/staff";
import { openDb, type Db } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { teamCaller } from "../team/helpers";
import { createStaff } from "./helpers";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

/** `npm run staff:<command> <email>` as the package script runs it, against the given database. */
async function staffScript(command: "grant" | "revoke", email: string, env: Record<string, string | undefined>) {
  const args = ["--conditions=react-server", "--import", "tsx", "scripts/staff.ts", command, email];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function isStaff(db: Db, email: string): Promise<boolean | undefined> {
  const [row] = await db.select({ isStaff: users.isStaff }).from(users).where(eq(users.email, email));
  return row?.isStaff;
}

describe("PLATFORM_STAFF_EMAILS parsing", () => {
  it("lower-cases, trims, drops blanks and repeats", () => {
    expect(parseStaffEmails(" Ana@X.com, ,bruno@y.com,ana@x.com ")).toEqual(["ana@x.com", "bruno@y.com"]);
    expect(parseStaffEmails(undefined)).toEqual([]);
    expect(parseStaffEmails("")).toEqual([]);
  });
});

describe.each(testDbKinds())("platform staff (%s)", (kind) => {
  let db: Db;
  let url: string | undefined;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    url = handle.url;
    close = handle.close;
  });
  afterAll(async () => close());
  afterEach(() => {
    delete process.env.PLATFORM_STAFF_EMAILS;
  });

  it("grant and revoke are idempotent and say when the e-mail has no account", async () => {
    const member = await createMember(db);
    const email = member.session.email;
    expect(await loadStaff(db, member.session.userId)).toBeNull();
    expect(await setStaff(db, email.toUpperCase(), true)).toBe("granted");
    expect(await setStaff(db, email, true)).toBe("unchanged");
    expect(await loadStaff(db, member.session.userId)).toMatchObject({ email, twoFactorEnabled: false });
    expect(await setStaff(db, email, false)).toBe("revoked");
    expect(await setStaff(db, email, false)).toBe("unchanged");
    expect(await loadStaff(db, member.session.userId)).toBeNull();
    expect(await setStaff(db, "ninguem@example.com", true)).toBe("no_account");
  });

  it("PLATFORM_STAFF_EMAILS: existing accounts at start (once), new accounts from their first row", async () => {
    const existing = await createMember(db);
    const listed = [existing.session.email.toUpperCase(), "nova.staff@example.com"];
    expect(await grantListedStaff(db, parseStaffEmails(listed.join(",")))).toBe(1);
    expect(await grantListedStaff(db, parseStaffEmails(listed.join(",")))).toBe(0);
    expect(await isStaff(db, existing.session.email)).toBe(true);

    process.env.PLATFORM_STAFF_EMAILS = listed.join(",");
    await registerUser(db, {
      name: "Nova Staff",
      email: "Nova.Staff@example.com",
      password: "uma senha longa o bastante",
      companyName: "Integradora",
    } as Parameters<typeof registerUser>[1]);
    expect(await isStaff(db, "nova.staff@example.com")).toBe(true);
    await registerUser(db, {
      name: "Cliente Comum",
      email: "cliente.comum@example.com",
      password: "uma senha longa o bastante",
      companyName: "Loja",
    } as Parameters<typeof registerUser>[1]);
    expect(await isStaff(db, "cliente.comum@example.com")).toBe(false);
  });

  it("staffProcedure: anonymous, not staff, staff without two-factor, staff", async () => {
    const router = createTRPCRouter({ probe: staffProcedure.query(({ ctx }) => ctx.staff) });
    const callAs = async (member: TestMember | null) => {
      const ctx = createContextInner({
        db,
        session: member?.session ?? null,
        orgHint: null,
        setCookie: () => undefined,
        provider: () => {
          throw new Error("no provider");
        },
      });
      try {
        return { ok: await createCallerFactory(router)(ctx).probe() };
      } catch (e) {
        const err = e as TRPCError;
        return { trpc: err.code, app: err.cause instanceof AppError ? err.cause.info.code : null };
      }
    };
    expect(await callAs(null)).toEqual({ trpc: "UNAUTHORIZED", app: "UNAUTHENTICATED" });
    expect(await callAs(await createMember(db, { role: "owner" }))).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
    expect(await callAs(await createStaff(db, { twoFactor: false }))).toEqual({
      trpc: "FORBIDDEN",
      app: "STAFF_TWO_FACTOR_REQUIRED",
    });
    const staff = await createStaff(db, { name: "Ana Plataforma" });
    expect(await callAs(staff)).toEqual({
      ok: { userId: staff.session.userId, email: staff.session.email, name: "Ana Plataforma" },
    });
    // Revoked: refused at the very next call (the flag is read per call, not kept in the session).
    await setStaff(db, staff.session.email, false);
    expect(await callAs(staff)).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
  });

  it("a staff action shows in the customer's Auditoria as the platform's, with the reason", async () => {
    const owner = await createMember(db, { role: "owner" });
    const staff = await createStaff(db, { name: "Ana Plataforma" });
    await auditStaffAction(db, {
      organizationId: owner.organizationId,
      staffUserId: staff.session.userId,
      action: "staff.retry",
      targetType: "operator",
      targetId: "x",
      reason: "  cliente pediu por telefone  ",
      details: { name: "João", accessToken: "never-stored" },
    });
    const { items } = await teamCaller(db, owner).caller.audit.list({ action: "staff.retry" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorKind: "staff",
      actorName: "Ana Plataforma",
      result: "success",
      details: { name: "João", staffReason: "cliente pediu por telefone" },
    });
    expect(JSON.stringify(items[0])).not.toContain("never-stored");
    // Another organization's owner never sees it.
    const other = await createMember(db, { role: "owner" });
    expect((await callerFor({ db, member: other }).audit.list({ action: "staff.retry" })).items).toHaveLength(0);
  });

  it("npm run staff:grant / staff:revoke on this database", { timeout: 120_000 }, async () => {
    let scriptEnv: Record<string, string | undefined>;
    let scriptDb: { db: Db; close(): Promise<void> };
    let reopen: () => Promise<{ db: Db; close(): Promise<void> }>;
    if (kind === "postgres") {
      scriptEnv = { DATABASE_URL: url };
      scriptDb = { db, close: async () => undefined };
      reopen = async () => ({ db, close: async () => undefined });
    } else {
      // PGlite: the script owns the data folder while it runs, so the test closes it first.
      const dataDir = mkdtempSync(path.join(tmpdir(), "portal-staff-script-"));
      scriptEnv = { DATA_DIR: dataDir, DATABASE_URL: "" };
      reopen = () => openDb({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
      scriptDb = await reopen();
    }
    const member = await createMember(scriptDb.db);
    const email = member.session.email;
    await scriptDb.close();

    const granted = await staffScript("grant", email, scriptEnv);
    expect(granted).toMatchObject({ code: 0 });
    expect(granted.out).toContain(`${email} is now platform staff`);
    expect((await staffScript("grant", email, scriptEnv)).out).toContain("was already platform staff");
    let check = await reopen();
    expect(await isStaff(check.db, email)).toBe(true);
    await check.close();

    expect((await staffScript("revoke", email, scriptEnv)).out).toContain("is no longer platform staff");
    check = await reopen();
    expect(await isStaff(check.db, email)).toBe(false);
    await check.close();

    const missing = await staffScript("grant", "ninguem-aqui@example.com", scriptEnv);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("No portal account uses ninguem-aqui@example.com");
  });
});
