/**
 * ura.get — the automatic reply as the portal last saved it at the chat provider (the vendor has no
 * GET: never saved → the starting text, `saved: false`), and the organization's departments the
 * choice can offer (active and created at the provider).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { mayChangeOrganization } from "@/lib/roles";
import { DEFAULT_URA } from "@/lib/ura/messages";
import { orgProcedure } from "@/server/api/trpc";
import { departments, users } from "@/server/db/schema";
import { getUra, getVendorAccount } from "@/server/provisioning";

export const ZUraOutput = z.object({
  /** The provider takes a URA (PlugChat); false on the CDP gateway. */
  supported: z.boolean(),
  accountReady: z.boolean(),
  settings: z.object({
    active: z.boolean(),
    ignoreGeral: z.boolean(),
    ignoreGroups: z.boolean(),
    welcomeMessage: z.string(),
    departmentMessage: z.string(),
  }),
  saved: z.object({ at: z.date(), byName: z.string().nullable() }).nullable(),
  departments: z.array(z.object({ id: z.string(), name: z.string(), isDefault: z.boolean(), active: z.boolean() })),
  canEdit: z.boolean(),
});
export type TUraOutput = z.infer<typeof ZUraOutput>;

export const get = orgProcedure.output(ZUraOutput).query(async ({ ctx }) => {
  const [account, stored, deps] = await Promise.all([
    getVendorAccount(ctx.db, ctx.org.id),
    getUra(ctx.db, ctx.org.id),
    ctx.db
      .select({
        id: departments.id,
        name: departments.name,
        isDefault: departments.isDefault,
        active: departments.active,
      })
      .from(departments)
      .where(
        and(
          eq(departments.organizationId, ctx.org.id),
          eq(departments.active, true),
          eq(departments.state, "synced"),
          isNull(departments.deletedAt),
        ),
      )
      .orderBy(asc(departments.createdAt), asc(departments.name)),
  ]);
  let byName: string | null = null;
  if (stored?.updatedBy) {
    const [who] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, stored.updatedBy));
    byName = who?.name ?? null;
  }
  return {
    supported: ctx.provider.capabilities.ura,
    accountReady: account?.state === "synced",
    settings: stored
      ? {
          active: stored.active,
          ignoreGeral: stored.ignoreGeral,
          ignoreGroups: stored.ignoreGroups,
          welcomeMessage: stored.welcomeMessage,
          departmentMessage: stored.departmentMessage,
        }
      : { ...DEFAULT_URA },
    saved: stored ? { at: stored.updatedAt, byName } : null,
    departments: deps,
    canEdit: mayChangeOrganization(ctx),
  };
});
