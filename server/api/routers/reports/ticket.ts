/** reports.ticket — one attendance by its number, from the chat's survey (null: no such number). */
import { phonesMasked } from "@/lib/roles";
import { ZTicketInput } from "@/lib/validation/reports";
import { orgProcedure } from "@/server/api/trpc";
import { lookupTicket } from "@/server/reports/satisfaction";
import { presentEntry, ZReportEntry } from "./present";

export const ticket = orgProcedure
  .input(ZTicketInput)
  .output(ZReportEntry.nullable())
  .query(async ({ ctx, input }) => {
    const found = await lookupTicket(ctx.db, ctx.provider, ctx.org.id, input.ticket);
    return found ? presentEntry(found, phonesMasked(ctx)) : null;
  });
