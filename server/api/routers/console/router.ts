/**
 * The console (/admin): platform staff only (staffProcedure). One sub-router per resource, each
 * in its own folder below; procedures name the organization they act on in their input.
 */
import { createTRPCRouter } from "@/server/api/trpc";
import { attentionRouter } from "./attention/router";
import { customerRouter } from "./customer/router";
import { customersRouter } from "./customers/router";
import { funnelRouter } from "./funnel/router";
import { settingsRouter } from "./settings/router";
import { staffRouter } from "./staff/router";

export const consoleRouter = createTRPCRouter({
  staff: staffRouter,
  customers: customersRouter,
  customer: customerRouter,
  attention: attentionRouter,
  funnel: funnelRouter,
  settings: settingsRouter,
});
