/** console.settings.update — saves Configuração da plataforma (audited: who, when, why, before → after). */
import { z } from "zod";
import { ZPlatformSettingsInput } from "@/lib/validation/platform-settings";
import { staffProcedure } from "@/server/api/trpc";
import { savePlatformSettings } from "@/server/platform/settings";

export const update = staffProcedure
  .input(ZPlatformSettingsInput)
  .output(z.object({ changed: z.array(z.string()) }))
  .mutation(async ({ ctx, input }) => {
    const result = await savePlatformSettings(ctx.db, { userId: ctx.staff.userId, name: ctx.staff.name }, input);
    ctx.log.info(
      { event: "platform_settings_saved", staffUserId: ctx.staff.userId, changed: result.changed },
      "platform settings saved",
    );
    return result;
  });
