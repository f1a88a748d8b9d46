/**
 * The console (/admin): platform staff only (staffProcedure). One sub-router per resource, each
 * in its own folder below; procedures name the organization they act on in their input.
 */
import { createTRPCRouter } from "@/server/api/trpc";
import { settingsRouter } from "./settings/router";
import { staffRouter } from "./staff/router";

export const consoleRouter = createTRPCRouter({ staff: staffRouter, settings: settingsRouter });
