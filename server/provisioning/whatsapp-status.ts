/**
 * The last known answer to "has this organization's account a WhatsApp instance?", kept on
 * its vendor_accounts row with the time it was asked. The dashboard shows it (and its age)
 * without calling the chat provider; `refreshWhatsAppStatus` asks again at most every
 * WHATSAPP_CHECK_EVERY_MS. Every new connection code (the wizard's step, the WhatsApp page)
 * is also an answer, stored the same way, so the step, the page and the dashboard agree.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { vendorAccounts, type VendorAccount } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { getVendorAccount, requireSyncedAccount } from "./accounts";

export const WHATSAPP_CHECK_EVERY_MS = 5 * 60 * 1000;

export interface WhatsAppStatus {
  /** null: never asked, or the provider has not answered yet. */
  available: boolean | null;
  checkedAt: Date | null;
}

export function whatsAppStatusOf(account: VendorAccount | null): WhatsAppStatus {
  return { available: account?.whatsappAvailable ?? null, checkedAt: account?.whatsappCheckedAt ?? null };
}

/**
 * Asks the provider when the stored answer is older than WHATSAPP_CHECK_EVERY_MS (or missing)
 * and stores what it says. A failed call keeps the last known answer and its time.
 */
export async function refreshWhatsAppStatus(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  now: number = Date.now(),
): Promise<WhatsAppStatus> {
  const account = await getVendorAccount(db, organizationId);
  const stored = whatsAppStatusOf(account);
  if (!provider.capabilities.whatsappCode || account?.state !== "synced" || !account.vendorAccountId) return stored;
  if (stored.checkedAt && now - stored.checkedAt.getTime() < WHATSAPP_CHECK_EVERY_MS) return stored;
  let available: boolean;
  try {
    available = (await provider.getWhatsAppCode(account.vendorAccountId)) !== null;
  } catch {
    return stored;
  }
  return storeWhatsAppAnswer(db, organizationId, available, new Date(now));
}

async function storeWhatsAppAnswer(
  db: Db,
  organizationId: string,
  available: boolean,
  checkedAt: Date,
): Promise<WhatsAppStatus> {
  await db
    .update(vendorAccounts)
    .set({ whatsappAvailable: available, whatsappCheckedAt: checkedAt })
    .where(eq(vendorAccounts.organizationId, organizationId));
  return { available, checkedAt };
}

export interface WhatsAppCodeResult {
  /** null: the account has no WhatsApp instance yet. */
  code: { token: string; expiresAt: Date } | null;
  status: WhatsAppStatus;
}

/**
 * A fresh connection code from the provider; whether one came back is stored as the latest
 * answer to "has the account a WhatsApp instance?". A failed call changes nothing and throws.
 */
export async function requestWhatsAppCode(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
): Promise<WhatsAppCodeResult> {
  const account = await requireSyncedAccount(db, organizationId);
  const code = await provider.getWhatsAppCode(account.vendorAccountId);
  const status = await storeWhatsAppAnswer(db, organizationId, code !== null, new Date());
  return { code, status };
}
