/**
 * `npm run bench:console` — figures for the console's Clientes list (console.customers.list).
 * 1. A fresh PostgreSQL database on BENCH_DATABASE_URL's server (bench/support.ts), or an
 *    in-memory PGlite when PostgreSQL is unreachable (said so).
 * 2. BENCH_ORGANIZATIONS (10,000) organizations seeded in bulk with SQL: 1–4 members each with a
 *    session, onboarding at every step (60 % completed), chat accounts in every state (a few
 *    suspended, a third subscribed), 0–11 operators, a handful of audit entries.
 * 3. console.customers.list through the tRPC caller as platform staff (session, staff check,
 *    query, output) — every sort, every filter, searches by name and by e-mail, and a page 40
 *    pages deep by keyset — BENCH_QUERIES (240) calls; prints p50/p95/p99 overall and per
 *    variant (target p95 ≤ 50 ms per page).
 * Server modules import `server-only`, so the script re-runs itself under the `react-server`
 * export condition (as Next.js does for server code).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measureLatencies, openBenchDatabase, REACT_SERVER_CONDITION } from "./support";

process.env.LOG_LEVEL ??= "warn";
const here = fileURLToPath(import.meta.url);
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 240);

async function main(): Promise<void> {
  const { sql } = await import("drizzle-orm");
  const { createStaff, staffCaller } = await import("@/tests/console/helpers");
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    const { handle, label, cleanup } = await openBenchDatabase("bench_console");
    cleanups.push(cleanup);
    const db = handle.db;
    console.log(`bench:console — database: ${label}; ${ORGANIZATIONS} organizations`);

    // ---------- seed (bulk SQL; deterministic: every choice derives from the row number) ----------
    const started = performance.now();
    await db.execute(sql`
      insert into organizations (id, name, created_at, suspended_at)
      select md5('org' || g)::uuid,
             (array['Loja','Padaria','Clínica','Oficina','Mercado','Escola','Pet Shop','Farmácia'])[1 + g % 8]
               || ' ' || (array['Souza','Silva','Lima','Costa','Ribeiro','Alves','Gomes','Pereira','Santos'])[1 + (g / 8) % 9]
               || ' ' || g,
             now() - make_interval(mins => g * 37),
             case when g % 97 = 0 then now() - interval '2 days' end
      from generate_series(1, ${ORGANIZATIONS}) g`);
    await db.execute(sql`
      insert into users (id, name, email, password_hash, two_factor_enabled_at)
      select md5('user' || g || '-' || k)::uuid, 'Pessoa ' || g || '-' || k,
             'pessoa' || g || '-' || k || '@empresa' || g || '.com.br', 'x', null
      from generate_series(1, ${ORGANIZATIONS}) g, generate_series(1, 1 + g % 4) k`);
    await db.execute(sql`
      insert into memberships (organization_id, user_id, role)
      select md5('org' || g)::uuid, md5('user' || g || '-' || k)::uuid,
             (case when k = 1 then 'owner' when k = 2 then 'admin' else 'member' end)::member_role
      from generate_series(1, ${ORGANIZATIONS}) g, generate_series(1, 1 + g % 4) k`);
    await db.execute(sql`
      insert into sessions (user_id, expires_at, last_seen_at)
      select md5('user' || g || '-' || k)::uuid, now() + interval '30 days', now() - make_interval(mins => (g * k * 13) % 5000)
      from generate_series(1, ${ORGANIZATIONS}) g, generate_series(1, 1 + g % 4) k`);
    await db.execute(sql`
      insert into onboarding_states (organization_id, current_step, completed_steps, data, completed_at)
      select md5('org' || g)::uuid,
             case when g % 10 < 6 then 'done'
                  else (array['company','departments','operators','plan','whatsapp'])[1 + g % 5] end,
             '{}',
             case when g % 3 = 0 then '{"planChoice":"subscription","seats":5}'::jsonb else '{"planChoice":"trial"}'::jsonb end,
             case when g % 10 < 6 then now() - make_interval(mins => g * 30) end
      from generate_series(1, ${ORGANIZATIONS}) g where g % 10 <> 9`);
    await db.execute(sql`
      insert into vendor_accounts (organization_id, provider, vendor_account_id, state, name, created_at)
      select md5('org' || g)::uuid, 'plugchat', case when g % 50 <> 0 then 'acc-' || g end,
             (case when g % 50 = 0 then 'failed' when g % 71 = 0 then 'uncertain' else 'synced' end)::provisioning_state,
             'Conta ' || g, now() - make_interval(mins => g * 36)
      from generate_series(1, ${ORGANIZATIONS}) g where g % 10 not in (8, 9)`);
    await db.execute(sql`
      insert into operators (organization_id, vendor_id, name, active, state)
      select md5('org' || g)::uuid, 'op-' || g || '-' || k, 'Operador ' || k, k % 5 <> 0,
             (case when (g + k) % 113 = 0 then 'uncertain' else 'synced' end)::provisioning_state
      from generate_series(1, ${ORGANIZATIONS}) g, generate_series(1, g % 12) k where g % 10 not in (8, 9)`);
    await db.execute(sql`
      insert into audit_log (organization_id, actor_kind, action, target_type, result, created_at)
      select md5('org' || g)::uuid, 'system', 'operator.create', 'operator', 'success', now() - make_interval(mins => g * k)
      from generate_series(1, ${ORGANIZATIONS}) g, generate_series(1, 1 + g % 6) k`);
    await db.execute(sql`analyze`);
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const staff = await createStaff(db);
    const caller = staffCaller(db, staff).console.customers;

    // A cursor 40 pages deep (by the default sort), followed the way the page's "Mais" button does.
    let deep: string | undefined;
    for (let i = 0; i < 40; i++) deep = (await caller.list({ cursor: deep })).nextCursor ?? undefined;
    let deepByName: string | undefined;
    for (let i = 0; i < 40; i++)
      deepByName = (await caller.list({ sort: "name_asc", cursor: deepByName })).nextCursor ?? undefined;

    type Input = Parameters<typeof caller.list>[0];
    const variants: Array<{ label: string; input: Input }> = [
      { label: "newest first (default)", input: {} },
      { label: "oldest first", input: { sort: "created_asc" } },
      { label: "name A–Z", input: { sort: "name_asc" } },
      { label: "name Z–A", input: { sort: "name_desc" } },
      { label: "page 41, newest first (keyset)", input: { cursor: deep } },
      { label: "page 41, name A–Z (keyset)", input: { sort: "name_asc", cursor: deepByName } },
      { label: "search name 'padaria souza'", input: { q: "padaria souza" } },
      { label: "search e-mail 'pessoa4242'", input: { q: "pessoa4242" } },
      { label: "search that finds nothing", input: { q: "zzz nada" } },
      { label: "onboarding completed", input: { onboarding: "completed" } },
      { label: "stuck at step plan", input: { onboarding: "plan" } },
      { label: "account failed", input: { account: "failed" } },
      { label: "account uncertain, name A–Z", input: { account: "uncertain", sort: "name_asc" } },
      { label: "no account yet", input: { account: "none" } },
      { label: "subscription", input: { plan: "subscription" } },
      { label: "trial, oldest first", input: { plan: "trial", sort: "created_asc" } },
      { label: "suspended", input: { suspended: "yes" } },
      {
        label: "in progress + trial + not suspended",
        input: { onboarding: "in_progress", plan: "trial", suspended: "no" },
      },
    ];
    if (process.env.BENCH_EXPLAIN === "1") {
      // Each variant's plan, as PostgreSQL ran it (the same SQL the procedure sends).
      const { ZCustomersListInput } = await import("@/lib/validation/console-customers");
      const { customersPageSql, decodeCustomerCursor } = await import("@/server/console/customers");
      for (const v of variants) {
        const { cursor, limit, ...filters } = ZCustomersListInput.parse(v.input);
        const plan = await db.execute(
          sql`explain (analyze, costs off) ${customersPageSql(filters, cursor ? decodeCustomerCursor(cursor) : null, limit + 1)}`,
        );
        const lines = (plan as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]);
        console.log(`\n--- ${v.label}\n${lines.join("\n")}`);
      }
    }
    const ok = await measureLatencies(
      "console.customers.list through the tRPC caller as staff (session, staff check, one SQL query, output)",
      50,
      QUERIES,
      variants,
      (v) => caller.list(v.input),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    for (const c of cleanups.reverse())
      await Promise.resolve(c()).catch((e: unknown) => console.error("cleanup failed:", e));
  }
}

if (!process.execArgv.includes(REACT_SERVER_CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, REACT_SERVER_CONDITION, here, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
  process.exit(process.exitCode ?? 0);
}
