/**
 * The automatic reply (URA) at the chat provider. The vendor takes the whole configuration in one
 * POST and has no GET: the portal keeps what the vendor accepted (`ura_settings`) and reads it back
 * from there. Every attempt is audited with what changed (before → after).
 */
import { eq } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { uraSettings, type UraSettingsRow } from "@/server/db/schema";
import type { ChatProvider, UraSettings } from "@/server/providers/types";
import { requireSyncedAccount } from "./accounts";
import { audit, changesBetween } from "./audit";
import { errorInfo, type ProvisioningScope } from "./errors";

export async function getUra(db: Db, organizationId: string): Promise<UraSettingsRow | null> {
  const [row] = await db.select().from(uraSettings).where(eq(uraSettings.organizationId, organizationId));
  return row ?? null;
}

const fieldsOf = (s: UraSettings): UraSettings => ({
  active: s.active,
  ignoreGeral: s.ignoreGeral,
  ignoreGroups: s.ignoreGroups,
  welcomeMessage: s.welcomeMessage,
  departmentMessage: s.departmentMessage,
});

/** Sends the URA to the provider and, once it said yes, keeps it as the portal's record. */
export async function saveUra(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: UraSettings,
): Promise<UraSettingsRow> {
  if (!provider.capabilities.ura) throw appError("NOT_SUPPORTED");
  const account = await requireSyncedAccount(db, scope.organizationId);
  const before = await getUra(db, scope.organizationId);
  const settings = fieldsOf(input);
  const changes = changesBetween(before ? { ...fieldsOf(before) } : {}, { ...settings });
  try {
    await provider.setUra(account.vendorAccountId, settings);
  } catch (error) {
    await audit(db, scope, {
      action: "ura.update",
      targetType: "ura",
      targetId: account.vendorAccountId,
      result: "failure",
      details: { changes, ...errorInfo(error) },
    });
    throw error;
  }
  const now = new Date();
  const record = { ...settings, updatedBy: scope.actorUserId, updatedAt: now };
  const [row] = await db
    .insert(uraSettings)
    .values({ organizationId: scope.organizationId, ...record })
    .onConflictDoUpdate({ target: uraSettings.organizationId, set: record })
    .returning();
  await audit(db, scope, {
    action: "ura.update",
    targetType: "ura",
    targetId: account.vendorAccountId,
    result: "success",
    details: { changes },
  });
  return row!;
}
