/** console.staff.me — the staff account using the console (who the audit will name). */
import { z } from "zod";
import { staffProcedure } from "@/server/api/trpc";

export const ZStaffMeOutput = z.object({ userId: z.string(), email: z.string(), name: z.string() });

export const me = staffProcedure.output(ZStaffMeOutput).query(({ ctx }) => ctx.staff);
