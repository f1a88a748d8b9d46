/** provider.capabilities — what the chat backend can do, so pages decide what to show (no secrets). */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { providerInfo } from "@/server/providers/info";

export const ZCapabilitiesOutput = z.object({
  accounts: z.boolean(),
  departments: z.boolean(),
  subscription: z.boolean(),
  satisfaction: z.boolean(),
  whatsappCode: z.boolean(),
  ura: z.boolean(),
  operatorEmail: z.boolean(),
  operatorLogin: z.boolean(),
  operatorRoles: z.boolean(),
  operatorUpsert: z.boolean(),
  listOperators: z.boolean(),
  chatSdk: z.boolean(),
  attendanceWebhooks: z.boolean(),
});

export const ZProviderInfoOutput = z.object({
  name: z.enum(["plugchat", "cdp"]),
  capabilities: ZCapabilitiesOutput,
  defaultSpace: z.object({ projectUuid: z.string(), itemUuid: z.string() }).nullable(),
  /** With `operatorRoles`: the role codes the operator forms offer (first = administrator's, last = default). */
  roleCodes: z.array(z.string()),
});
export type TProviderInfoOutput = z.infer<typeof ZProviderInfoOutput>;

export const capabilities = orgProcedure.output(ZProviderInfoOutput).query(({ ctx }) => providerInfo(ctx.provider));
