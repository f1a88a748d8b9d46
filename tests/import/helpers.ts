/** Import-test plumbing: CSVs, vendor-side counts, the "exactly once" check and a killable database. */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import { importJobRows, importJobs, operators, vendorAccounts } from "@/server/db/schema";

export function csvOf(rows: Array<{ name: string; departments?: string; admin?: string; login?: string }>): string {
  return [
    "nome;departamentos;admin;login",
    ...rows.map((r) => [r.name, r.departments ?? "", r.admin ?? "", r.login ?? ""].join(";")),
  ].join("\r\n");
}

export const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix} ${String(i + 1).padStart(3, "0")}`);

export async function vendorAccountOf(db: Db, org: string): Promise<string> {
  const [row] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, org));
  return row!.vendorAccountId!;
}

/** How many vendor operators of the account carry each name. */
export function vendorOperatorsByName(emu: PlugchatEmulator, accountId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of Object.values(emu.state.operators))
    if (o.accountId === accountId) out[o.name] = (out[o.name] ?? 0) + 1;
  return out;
}

/** Every row of the job done, its operator record synced with a distinct vendor id, one vendor operator per name. */
export async function expectJobImportedOnce(
  db: Db,
  emu: PlugchatEmulator,
  org: string,
  jobId: string,
  expected: string[],
): Promise<void> {
  const rows = await db.select().from(importJobRows).where(eq(importJobRows.jobId, jobId));
  expect(rows.map((r) => r.state).filter((s) => s !== "done")).toEqual([]);
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  expect(job!.status).toBe("done");
  expect(job!.finishedAt).not.toBeNull();
  const ops = await db.select().from(operators).where(eq(operators.organizationId, org));
  for (const r of rows) {
    const op = ops.find((o) => o.id === r.operatorId);
    expect(op, `operator record of line ${r.line}`).toBeDefined();
    expect(op!.state).toBe("synced");
    expect(op!.name).toBe(r.values.name);
  }
  const vendorIds = ops.filter((o) => expected.includes(o.name)).map((o) => o.vendorId);
  expect(new Set(vendorIds).size).toBe(expected.length);
  const byName = vendorOperatorsByName(emu, await vendorAccountOf(db, org));
  for (const n of expected) expect(byName[n], `vendor operators named ${n}`).toBe(1);
}

export async function fault(emu: PlugchatEmulator, f: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.origin}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(f),
  });
  expect(res.status).toBe(200);
}

/** A database whose every call fails once `kill()` ran: a process that died (nothing it did afterwards is recorded). */
export function killable(db: Db): { db: Db; kill: () => void } {
  let killed = false;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (killed && typeof value === "function") {
        return () => {
          throw new Error("worker process killed");
        };
      }
      return value;
    },
  });
  return { db: proxy, kill: () => (killed = true) };
}
