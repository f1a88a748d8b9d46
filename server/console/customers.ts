/**
 * The console's Clientes list: every organization, one page per call, in ONE SQL statement —
 * the page is chosen first (filters, search and keyset on the sort's index: organizations_created_idx
 * or organizations_name_idx), then each of its rows gets its counts and last activity from
 * correlated subqueries that run only for the page's rows (indexes on organization_id).
 */
import { sql, type SQL } from "drizzle-orm";
import type { CustomerSort, TCustomerFilters } from "@/lib/validation/console-customers";
import type { OnboardingStep } from "@/lib/onboarding/steps";
import type { Db } from "@/server/db/client";
import type { ProvisioningState } from "@/server/db/schema";
import { trialDaysLeft } from "@/server/provisioning";

export interface CustomerRow {
  id: string;
  name: string;
  createdAt: Date;
  suspendedAt: Date | null;
  /** The wizard's current step ("company" when it never started); null once completed. */
  onboardingStep: OnboardingStep | null;
  onboardingCompletedAt: Date | null;
  /** The chat account's provisioning state; null: no account yet. */
  accountState: ProvisioningState | null;
  /** The trial starts with a created chat account; null: no account (or not created yet). */
  plan: { kind: "trial"; daysLeft: number } | { kind: "subscription"; seats: number | null } | null;
  operatorsActive: number;
  operatorsTotal: number;
  members: number;
  /** The latest of a team member's sign-in activity and the organization's audit log; null: none. */
  lastActivityAt: Date | null;
}

export interface CustomersPage {
  items: CustomerRow[];
  nextCursor: string | null;
}

interface Cursor {
  /** The sort column's value: an ISO time (created) or the lower-cased name. */
  v: string;
  id: string;
}

export function encodeCustomerCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), "utf8").toString("base64url");
}

/** null for anything that is not a cursor this module wrote (the list then starts over). */
export function decodeCustomerCursor(raw: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [v, id] = parsed as unknown[];
    if (typeof v !== "string" || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { v, id };
  } catch {
    return null;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const ORDER: Record<CustomerSort, { key: SQL; desc: boolean }> = {
  created_desc: { key: sql`o.created_at`, desc: true },
  created_asc: { key: sql`o.created_at`, desc: false },
  name_asc: { key: sql`lower(o.name)`, desc: false },
  name_desc: { key: sql`lower(o.name)`, desc: true },
};

function conditions(f: TCustomerFilters, cursor: Cursor | null): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    // A team member's e-mail by its start (users_email_prefix_idx), as one semi-join.
    const prefix = `${escapeLike(f.q.toLowerCase())}%`;
    where.push(sql`(lower(o.name) like ${pattern} or o.id in (
      select m.organization_id from users u join memberships m on m.user_id = u.id
      where lower(u.email) like ${prefix}))`);
  }
  if (f.onboarding === "completed") where.push(sql`os.completed_at is not null`);
  else if (f.onboarding === "in_progress") where.push(sql`os.completed_at is null`);
  else if (f.onboarding) {
    where.push(sql`os.completed_at is null and coalesce(os.current_step, 'company') = ${f.onboarding}`);
  }
  if (f.account === "none") where.push(sql`va.organization_id is null`);
  else if (f.account) where.push(sql`va.state = ${f.account}`);
  if (f.plan === "subscription") where.push(sql`os.data->>'planChoice' = 'subscription'`);
  else if (f.plan === "trial") {
    where.push(sql`va.organization_id is not null and coalesce(os.data->>'planChoice', 'trial') <> 'subscription'`);
  }
  if (f.suspended === "yes") where.push(sql`o.suspended_at is not null`);
  else if (f.suspended === "no") where.push(sql`o.suspended_at is null`);
  if (cursor) {
    const { key, desc } = ORDER[f.sort];
    const value = f.sort.startsWith("created") ? sql`${cursor.v}::timestamptz` : sql`${cursor.v}`;
    where.push(
      desc
        ? sql`(${key}, o.id) < (${value}, ${cursor.id}::uuid)`
        : sql`(${key}, o.id) > (${value}, ${cursor.id}::uuid)`,
    );
  }
  return where;
}

type RawRow = {
  id: string;
  name: string;
  created_at: Date | string;
  suspended_at: Date | string | null;
  current_step: OnboardingStep | null;
  completed_at: Date | string | null;
  plan_choice: string | null;
  seats: number | null;
  account_state: ProvisioningState | null;
  account_created_at: Date | string | null;
  sort_value: string;
  operators_active: number;
  operators_total: number;
  members: number;
  last_activity_at: Date | string | null;
};

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const maybeDate = (v: Date | string | null) => (v === null ? null : date(v));

/** The SQL of one page (also what bench/console.ts runs EXPLAIN on). */
export function customersPageSql(f: TCustomerFilters, cursor: Cursor | null, limit: number): SQL {
  const where = conditions(f, cursor);
  const { key, desc } = ORDER[f.sort];
  const dir = desc ? sql`desc` : sql`asc`;
  const whereSql = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const sortValue = f.sort.startsWith("created")
    ? sql`to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql`lower(o.name)`;
  // The page is chosen on organizations alone; onboarding_states and vendor_accounts join in only
  // when a filter names them (PostgreSQL drops an unused left join on a primary key), and the
  // page's 26 rows get the rest afterwards.
  return sql`
    with page as (
      select o.id, ${sortValue} as sort_value, ${key} as sort_key
      from organizations o
      left join onboarding_states os on os.organization_id = o.id
      left join vendor_accounts va on va.organization_id = o.id
      ${whereSql}
      order by ${key} ${dir}, o.id ${dir}
      limit ${limit}
    )
    select o.id, o.name, o.created_at, o.suspended_at,
           os.current_step, os.completed_at, os.data->>'planChoice' as plan_choice,
           case when os.data->>'seats' ~ '^[0-9]{1,6}$' then (os.data->>'seats')::int end as seats,
           va.state::text as account_state, va.created_at as account_created_at,
           page.sort_value,
           ops.active as operators_active, ops.total as operators_total,
           (select count(*)::int from memberships m where m.organization_id = o.id) as members,
           greatest(
             (select max(s.last_seen_at) from memberships m join sessions s on s.user_id = m.user_id
               where m.organization_id = o.id),
             (select max(a.created_at) from audit_log a where a.organization_id = o.id)
           ) as last_activity_at
    from page
    join organizations o on o.id = page.id
    left join onboarding_states os on os.organization_id = o.id
    left join vendor_accounts va on va.organization_id = o.id
    cross join lateral (
      select count(*)::int as total,
             (count(*) filter (where op.active and op.state = 'synced'))::int as active
      from operators op where op.organization_id = o.id
    ) ops
    order by page.sort_key ${dir}, page.id ${dir}`;
}

/** One page of customers (`limit` rows, and whether there are more). A cursor from another sort starts over. */
export async function listCustomers(
  db: Db,
  filters: TCustomerFilters,
  opts: { cursor?: string; limit: number; now?: Date },
): Promise<CustomersPage> {
  const cursor = opts.cursor ? decodeCustomerCursor(opts.cursor) : null;
  const result = await db.execute<RawRow>(customersPageSql(filters, cursor, opts.limit + 1));
  const rows = (result as unknown as { rows: RawRow[] }).rows;
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const now = opts.now ?? new Date();
  const items = page.map((r): CustomerRow => {
    const completedAt = maybeDate(r.completed_at);
    return {
      id: r.id,
      name: r.name,
      createdAt: date(r.created_at),
      suspendedAt: maybeDate(r.suspended_at),
      onboardingStep: completedAt ? null : (r.current_step ?? "company"),
      onboardingCompletedAt: completedAt,
      accountState: r.account_state,
      plan:
        r.plan_choice === "subscription"
          ? { kind: "subscription", seats: r.seats === null ? null : Number(r.seats) }
          : r.account_created_at && r.account_state === "synced"
            ? { kind: "trial", daysLeft: trialDaysLeft(date(r.account_created_at), now) }
            : null,
      operatorsActive: Number(r.operators_active),
      operatorsTotal: Number(r.operators_total),
      members: Number(r.members),
      lastActivityAt: maybeDate(r.last_activity_at),
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: more && last ? encodeCustomerCursor({ v: last.sort_value, id: last.id }) : null };
}
