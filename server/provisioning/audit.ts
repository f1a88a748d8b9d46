/** The provisioning layer audits through the one writer (server/audit/writer.ts). */
export { audit, auditInsert, changesBetween, type AuditInput, type AuditResult } from "@/server/audit/writer";
