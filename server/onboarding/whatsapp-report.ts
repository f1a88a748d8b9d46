/**
 * "I connected WhatsApp": the portal cannot see the phone, so it keeps what the person said —
 * when and who — and shows it as such ("Você informou que conectou em …"), never as a fact.
 */
import type { Db } from "@/server/db/client";
import type { OnboardingData } from "@/server/db/schema";
import { saveOnboardingData } from "./state";

export type WhatsAppReport = NonNullable<OnboardingData["whatsappReported"]>;

export function whatsAppReport(person: { userId: string; name: string }, at: Date = new Date()): WhatsAppReport {
  return { at: at.toISOString(), userId: person.userId, name: person.name };
}

export async function reportWhatsAppConnected(
  db: Db,
  organizationId: string,
  person: { userId: string; name: string },
): Promise<WhatsAppReport> {
  const report = whatsAppReport(person);
  await saveOnboardingData(db, organizationId, { whatsappReported: report });
  return report;
}
