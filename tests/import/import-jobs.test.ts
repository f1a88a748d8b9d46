/**
 * The CSV operator import end to end, against the real PlugChat emulator, on PGlite and (with
 * TEST_DATABASE_URL) Postgres: who may import, the server-side preview, a job provisioning one
 * vendor operator per row, vendor refusals and retries, and restart-resume — a worker killed
 * mid-job (rows in flight at the vendor, one create applied whose answer was lost) and a new
 * worker finishing the job with exactly one vendor operator per row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { auditLog, importJobRows, importJobs, operators } from "@/server/db/schema";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { ImportWorker } from "@/server/provisioning/import-worker";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";
import { csvOf, expectJobImportedOnce, fault, killable, names, vendorAccountOf } from "./helpers";

const TOKEN = "import-token";
const POSTS = "POST /account/:id/operators";

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDbKinds())("CSV operator import (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  let admin: TestMember;
  let member: TestMember;

  const worker = (opts: Partial<ConstructorParameters<typeof ImportWorker>[0]> = {}) =>
    new ImportWorker({ db: handle.db, provider, concurrency: 8, pollMs: 20, settleMs: 100, graceMs: 1_000, ...opts });

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 3_000 });
    owner = await createMember(handle.db, { role: "owner" });
    admin = await createMember(handle.db, { role: "admin", organizationId: owner.organizationId });
    member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
    const caller = callerFor({ db: handle.db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Importadora", sessionName: "Importadora" });
    await caller.departments.create({ name: "Vendas" });
    await caller.departments.create({ name: "Suporte Técnico" });
  }, 180_000);
  afterAll(async () => {
    await emu?.close();
    await handle?.close();
  });

  it("members may not preview, start, follow or retry an import; admins and owners may", async () => {
    const as = (m: TestMember) => callerFor({ db: handle.db, provider, member: m }).imports;
    const csv = csvOf([{ name: "Role Matrix" }]);
    const fakeId = "00000000-0000-4000-8000-000000000000";
    for (const call of [
      () => as(member).preview({ csv }),
      () => as(member).start({ csv }),
      () => as(member).get({ jobId: fakeId }),
      () => as(member).list({}),
      () => as(member).retryRow({ jobId: fakeId, rowId: fakeId }),
      () => as(member).retryFailed({ jobId: fakeId }),
    ]) {
      expect(await appCodeOf(call())).toBe("FORBIDDEN");
    }
    expect((await as(admin).preview({ csv })).valid).toBe(1);
    expect((await as(owner).preview({ csv })).valid).toBe(1);
    const { jobId } = await as(admin).start({ csv, fileName: "equipe.csv" });
    expect((await as(owner).get({ jobId })).total).toBe(1);
    expect((await as(admin).list()).map((j) => j.id)).toContain(jobId);
    expect(await as(owner).retryFailed({ jobId })).toEqual({ requeued: 0 });
    await worker().drain();
    expect((await as(owner).get({ jobId })).status).toBe("done");
    // Another organization's owner does not see the job.
    const stranger = await createMember(handle.db, { role: "owner" });
    expect(await appCodeOf(as(stranger).get({ jobId }))).toBe("NOT_FOUND");
    expect(await appCodeOf(as(stranger).retryFailed({ jobId }))).toBe("NOT_FOUND");
    expect(await as(stranger).list()).toEqual([]);
  }, 120_000);

  it("preview reports per-row errors from our database; start refuses a file without valid rows", async () => {
    const imports = callerFor({ db: handle.db, provider, member: owner }).imports;
    await callerFor({ db: handle.db, provider, member: owner }).operators.create({
      name: "Já Existe",
      departmentIds: [],
      isAdmin: false,
    });
    const csv = csvOf([
      { name: "Ok Um", departments: "vendas|suporte tecnico", admin: "sim" },
      { name: "Sem Depto", departments: "Financeiro" },
      { name: "Ok Um" },
      { name: "já existe" },
      { name: "Admin Ruim", admin: "talvez" },
    ]);
    const p = await imports.preview({ csv });
    expect(p.fileErrors).toEqual([]);
    expect(p.rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, ["unknownDepartment"]],
      [4, ["duplicateInFile"]],
      [5, ["alreadyExists"]],
      [6, ["badValue"]],
    ]);
    expect(p.valid).toBe(1);
    expect(p.invalid).toBe(4);
    const before = await handle.db.select().from(importJobs);
    expect(await appCodeOf(imports.start({ csv: csvOf([{ name: "Sem Depto", departments: "Financeiro" }]) }))).toBe(
      "VALIDATION",
    );
    expect(await appCodeOf(imports.start({ csv: "nome;observação\r\nFulano;x" }))).toBe("VALIDATION");
    expect(await appCodeOf(imports.start({ csv: "" }))).toBe("VALIDATION");
    expect(await handle.db.select().from(importJobs)).toHaveLength(before.length);
    // Bounded inputs (refused by the input schema).
    expect(await appCodeOf(imports.preview({ csv: "x".repeat(1_000_001) }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(imports.start({ csv, fileName: "x".repeat(201) }))).toBe("BAD_REQUEST");
  }, 120_000);

  it("a job imports N rows, one vendor operator each, with departments, admin flag, login and an audit entry per operator", async () => {
    const caller = callerFor({ db: handle.db, provider, member: owner });
    const list = names("Lote", 30);
    const csv = csvOf(
      list.map((name, i) => ({
        name,
        departments: i % 3 === 0 ? "Vendas|Suporte Técnico" : i % 3 === 1 ? "vendas" : "",
        admin: i % 2 ? "sim" : "não",
        login: i % 5 === 0 ? `lote.${i}` : "",
      })),
    );
    const postsBefore = emu.requestCount(POSTS);
    const { jobId } = await caller.imports.start({ csv, fileName: "lote.csv" });
    const queued = await caller.imports.get({ jobId });
    expect(queued).toMatchObject({
      status: "running",
      fileName: "lote.csv",
      total: 30,
      done: 0,
      failed: 0,
      remaining: 30,
      finishedAt: null,
      failedRows: [],
    });
    await worker().drain();
    const job = await caller.imports.get({ jobId });
    expect(job).toMatchObject({ status: "done", total: 30, done: 30, failed: 0, remaining: 0, failedRows: [] });
    expect(job.finishedAt).toBeInstanceOf(Date);
    expect(emu.requestCount(POSTS) - postsBefore).toBe(30);
    await expectJobImportedOnce(handle.db, emu, owner.organizationId, jobId, list);
    // What reached the vendor: departments by vendor id, admin flag, login.
    const accountId = await vendorAccountOf(handle.db, owner.organizationId);
    const vendorOps = Object.values(emu.state.operators).filter((o) => o.accountId === accountId);
    const first = vendorOps.find((o) => o.name === "Lote 001")!;
    const second = vendorOps.find((o) => o.name === "Lote 002")!;
    expect(first.departments).toHaveLength(2);
    expect(second.departments).toHaveLength(1);
    expect(vendorOps.find((o) => o.name === "Lote 003")!.departments).toHaveLength(0);
    expect([first.isAdmin, second.isAdmin]).toEqual([false, true]);
    const [local] = await handle.db
      .select()
      .from(operators)
      .where(and(eq(operators.organizationId, owner.organizationId), eq(operators.name, "Lote 001")));
    expect(local!.login).toBe("lote.0");
    // The provisioning layer audited every operator, as the job's author.
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, owner.organizationId), eq(auditLog.action, "operator.create")));
    const ours = audits.filter((a) => String((a.details as { name?: string }).name ?? "").startsWith("Lote "));
    expect(ours).toHaveLength(30);
    expect(new Set(ours.map((a) => a.actorUserId))).toEqual(new Set([owner.session.userId]));
    // The page's reads write nothing.
    const listed = await caller.imports.list();
    expect(listed[0]).toMatchObject({ id: jobId, status: "done", done: 30 });
  }, 120_000);

  it("a vendor 4xx fails a row with the vendor's reason; retryRow and retryFailed put failed rows back in the queue", async () => {
    const caller = callerFor({ db: handle.db, provider, member: owner });
    const list = names("Recusa", 6);
    const { jobId } = await caller.imports.start({ csv: csvOf(list.map((name) => ({ name }))) });
    await fault(emu, { method: "POST", path: "/operators$", kind: "status", status: 400, times: 3 });
    await worker({ concurrency: 1 }).drain();
    let job = await caller.imports.get({ jobId });
    expect(job).toMatchObject({ status: "done", done: 3, failed: 3, remaining: 0 });
    // Row slots overlap database work, so which three rows met the three refusals is not fixed;
    // what is: three rows, listed by line, each with the vendor's reason.
    const failedLines = job.failedRows.map((r) => r.line);
    expect(failedLines).toHaveLength(3);
    expect(failedLines).toEqual([...failedLines].sort((a, b) => a - b));
    for (const row of job.failedRows) {
      expect(row).toMatchObject({
        name: list[row.line - 2],
        error: { code: "VENDOR_REJECTED", message: "injected fault" },
      });
    }
    // A definite refusal leaves no operator record behind.
    const failedRows = await handle.db
      .select()
      .from(importJobRows)
      .where(and(eq(importJobRows.jobId, jobId), eq(importJobRows.state, "failed")));
    for (const r of failedRows)
      expect(await handle.db.select().from(operators).where(eq(operators.id, r.operatorId))).toEqual([]);

    expect(await caller.imports.retryRow({ jobId, rowId: job.failedRows[0]!.rowId })).toEqual({ requeued: 1 });
    job = await caller.imports.get({ jobId });
    expect(job).toMatchObject({ status: "running", failed: 2, remaining: 1, finishedAt: null });
    await worker().drain();
    job = await caller.imports.get({ jobId });
    expect(job).toMatchObject({ status: "done", done: 4, failed: 2 });

    expect(await caller.imports.retryFailed({ jobId })).toEqual({ requeued: 2 });
    expect((await caller.imports.get({ jobId })).status).toBe("running");
    await worker().drain();
    expect(await caller.imports.get({ jobId })).toMatchObject({ status: "done", done: 6, failed: 0, failedRows: [] });
    await expectJobImportedOnce(handle.db, emu, owner.organizationId, jobId, list);
  }, 120_000);

  it("a definite refusal is final: rate limits and an unreachable vendor are retried by the worker itself", async () => {
    const caller = callerFor({ db: handle.db, provider, member: owner });
    const list = names("Espera", 4);
    const { jobId } = await caller.imports.start({ csv: csvOf(list.map((name) => ({ name }))) });
    await fault(emu, { method: "POST", path: "/operators$", kind: "rate_limit", retryAfter: 0, times: 6 });
    await worker({ concurrency: 2 }).drain();
    expect(await caller.imports.get({ jobId })).toMatchObject({ status: "done", done: 4, failed: 0 });
    await expectJobImportedOnce(handle.db, emu, owner.organizationId, jobId, list);
  }, 120_000);

  it("restart-resume: a worker killed mid-job (creates in flight, one applied whose answer was lost) → a new worker finishes with one vendor operator per row", async () => {
    const caller = callerFor({ db: handle.db, provider, member: owner });
    const list = names("Retomada", 40);
    const { jobId } = await caller.imports.start({
      csv: csvOf(list.map((name, i) => ({ name, departments: i % 2 ? "Vendas" : "" }))),
    });
    const accountId = await vendorAccountOf(handle.db, owner.organizationId);
    const postsBefore = emu.requestCount(POSTS);

    // The first create is applied at the vendor but answered with a 500, and the follow-up list
    // fails too: that row's record is left `uncertain`.
    await fault(emu, { method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 1 });
    await fault(emu, { method: "GET", path: "/operators$", kind: "status", status: 503, times: 3 });
    emu.setLatency(250);
    const doomed = killable(handle.db);
    // settleMs: this worker would wait a minute before resolving the uncertain row.
    const first = new ImportWorker({
      db: doomed.db,
      provider,
      instanceId: "worker-1",
      concurrency: 8,
      pollMs: 20,
      leaseMs: 1_500,
      settleMs: 60_000,
      graceMs: 60_000,
    });
    first.start();
    await until(() => emu.requestCount(POSTS) - postsBefore >= 20);
    doomed.kill(); // the process dies: nothing it learns from now on is recorded
    await first.stop(); // (returns once its in-flight calls have ended at the vendor)
    emu.setLatency(0);
    await fetch(`${emu.origin}/__emulator/faults`, { method: "DELETE" });

    // What the crash left: rows held by the dead worker, records whose create reached the vendor unrecorded.
    const rows = await handle.db.select().from(importJobRows).where(eq(importJobRows.jobId, jobId));
    expect(rows.filter((r) => r.state === "running" && r.leaseOwner === "worker-1").length).toBeGreaterThan(0);
    const ops = await handle.db.select().from(operators).where(eq(operators.organizationId, owner.organizationId));
    const mine = ops.filter((o) => rows.some((r) => r.operatorId === o.id));
    expect(mine.filter((o) => o.state === "pending").length).toBeGreaterThan(0);
    expect(mine.filter((o) => o.state === "uncertain" || o.state === "pending").length).toBeGreaterThan(1);
    const atVendor = Object.values(emu.state.operators).filter(
      (o) => o.accountId === accountId && o.name.startsWith("Retomada"),
    ).length;
    expect(atVendor).toBeGreaterThan(mine.filter((o) => o.state === "synced").length);
    expect(rows.filter((r) => r.state === "done").length).toBeLessThan(40);

    // A new worker (another instance id) once the dead one's leases have expired.
    const second = worker({ instanceId: "worker-2", graceMs: 500, settleMs: 100 });
    await second.drain();
    await expectJobImportedOnce(handle.db, emu, owner.organizationId, jobId, list);
    // Nothing was re-sent blindly: one create per row reached the vendor.
    expect(emu.requestCount(POSTS) - postsBefore).toBe(40);
    expect(await caller.imports.get({ jobId })).toMatchObject({ status: "done", done: 40, failed: 0, remaining: 0 });
  }, 120_000);

  it("imports.get and imports.list write nothing", async () => {
    const caller = callerFor({ db: handle.db, provider, member: owner });
    const { jobId } = await caller.imports.start({ csv: csvOf([{ name: "Leitura Pura" }]) });
    const writes: string[] = [];
    const recording = new Proxy(handle.db, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && ["insert", "update", "delete", "execute", "transaction"].includes(prop))
          writes.push(prop);
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const reader = callerFor({ db: recording, provider, member: owner });
    await reader.imports.get({ jobId });
    await reader.imports.list({});
    expect(writes).toEqual([]);
    await worker().drain();
  }, 120_000);
});
