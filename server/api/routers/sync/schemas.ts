/** Input and output shapes of the sync procedures (one contract for the page and the server). */
import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { ZId, ZVersion } from "@/lib/validation/onboarding";
import { tooLong } from "@/lib/i18n/rule-message";

export const ZSyncKind = z.enum(["operator", "department"]);

/** A fix aimed at one of our records, naming the version the caller compared. */
export const ZSyncTargetInput = z.strictObject({ kind: ZSyncKind, id: ZId, version: ZVersion });
export type TSyncTargetInput = z.infer<typeof ZSyncTargetInput>;

/** Adoption of a record that exists only at the provider, named by its vendor id. */
export const ZSyncAdoptInput = z.strictObject({
  kind: ZSyncKind,
  vendorId: singleLineText().check(z.minLength(1, { error: "validation.required" }), z.maxLength(200, tooLong(200))),
});
export type TSyncAdoptInput = z.infer<typeof ZSyncAdoptInput>;

export const ZSyncResultOutput = z.object({ kind: ZSyncKind, id: z.string(), name: z.string() });

const ZDepartmentSide = z.object({ name: z.string(), active: z.boolean() });
const ZOperatorSide = z.object({
  name: z.string(),
  active: z.boolean(),
  departments: z.array(z.string()),
  isAdmin: z.boolean().nullable(),
});
const ZOnlyLocalReason = z.enum(["missing_at_vendor", "failed"]);
const ZChecking = z.object({ id: z.string(), name: z.string(), state: z.enum(["pending", "uncertain"]) });

export const ZSyncCompareOutput = z.object({
  supported: z.object({ operators: z.boolean(), departments: z.boolean() }),
  comparedAt: z.date(),
  departments: z.object({
    onlyVendor: z.array(ZDepartmentSide.extend({ vendorId: z.string(), isDefault: z.boolean() })),
    onlyLocal: z.array(
      ZDepartmentSide.extend({ id: z.string(), version: z.number(), reason: ZOnlyLocalReason, isDefault: z.boolean() }),
    ),
    different: z.array(
      z.object({
        id: z.string(),
        version: z.number(),
        vendorId: z.string(),
        fields: z.array(z.enum(["name", "active"])),
        portal: ZDepartmentSide,
        vendor: ZDepartmentSide,
      }),
    ),
    checking: z.array(ZChecking),
    inSync: z.number(),
  }),
  operators: z.object({
    onlyVendor: z.array(ZOperatorSide.extend({ vendorId: z.string() })),
    onlyLocal: z.array(ZOperatorSide.extend({ id: z.string(), version: z.number(), reason: ZOnlyLocalReason })),
    different: z.array(
      z.object({
        id: z.string(),
        version: z.number(),
        vendorId: z.string(),
        fields: z.array(z.enum(["name", "active", "departments", "isAdmin"])),
        portal: ZOperatorSide,
        vendor: ZOperatorSide,
      }),
    ),
    checking: z.array(ZChecking),
    inSync: z.number(),
  }),
});
export type TSyncCompareOutput = z.infer<typeof ZSyncCompareOutput>;
