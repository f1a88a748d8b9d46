/** console.settings.get — Configuração da plataforma: what is saved, the defaults that apply to empty fields, and the latest changes. */
import { z } from "zod";
import { staffProcedure } from "@/server/api/trpc";
import { getPlatformSettings, listPlatformChanges } from "@/server/platform/settings";

const ZChangeValue = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.object({ type: z.string(), bytes: z.number(), sha256: z.string() }),
]);

export const ZPlatformSettingsOutput = z.object({
  saved: z.object({
    productName: z.string().nullable(),
    primaryColor: z.string().nullable(),
    supportEmail: z.string().nullable(),
    pricePerSeatCents: z.number().int().nullable(),
    logo: z.object({ path: z.string(), type: z.string(), bytes: z.number().int() }).nullable(),
    updatedAt: z.date().nullable(),
  }),
  defaults: z.object({ productName: z.string().nullable(), pricePerSeatCents: z.number().int().nullable() }),
  history: z.array(
    z.object({
      id: z.string(),
      staffName: z.string(),
      reason: z.string(),
      createdAt: z.date(),
      changes: z.record(z.string(), z.object({ from: ZChangeValue, to: ZChangeValue })),
    }),
  ),
});

export const get = staffProcedure.output(ZPlatformSettingsOutput).query(async ({ ctx }) => {
  const [settings, history] = await Promise.all([getPlatformSettings(ctx.db), listPlatformChanges(ctx.db)]);
  const { saved } = settings;
  return {
    saved: {
      productName: saved.productName,
      primaryColor: saved.primaryColor,
      supportEmail: saved.supportEmail,
      pricePerSeatCents: saved.pricePerSeatCents,
      logo: settings.logo &&
        saved.logo && { path: settings.logo.path, type: saved.logo.type, bytes: saved.logo.bytes.length },
      updatedAt: saved.updatedAt,
    },
    defaults: settings.defaults,
    history: history.map((entry) => ({
      id: entry.id,
      staffName: entry.staffName,
      reason: entry.reason,
      createdAt: entry.createdAt,
      changes: ((entry.details ?? {}) as { changes?: Record<string, { from: unknown; to: unknown }> }).changes ?? {},
    })) as z.input<typeof ZPlatformSettingsOutput>["history"],
  };
});
