/** The app router: wiring only. */
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { attendancesRouter } from "./routers/attendances/router";
import { auditRouter } from "./routers/audit/router";
import { authRouter } from "./routers/auth/router";
import { chatRouter } from "./routers/chat/router";
import { consoleRouter } from "./routers/console/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { departmentsRouter } from "./routers/departments/router";
import { healthRouter } from "./routers/health/router";
import { importsRouter } from "./routers/imports/router";
import { invitationsRouter } from "./routers/invitations/router";
import { membersRouter } from "./routers/members/router";
import { meRouter } from "./routers/me/router";
import { onboardingRouter } from "./routers/onboarding/router";
import { operatorsRouter } from "./routers/operators/router";
import { planRouter } from "./routers/plan/router";
import { providerRouter } from "./routers/provider/router";
import { reliabilityRouter } from "./routers/reliability/router";
import { reportsRouter } from "./routers/reports/router";
import { sessionsRouter } from "./routers/sessions/router";
import { supportAccessRouter } from "./routers/support-access/router";
import { syncRouter } from "./routers/sync/router";
import { twoFactorRouter } from "./routers/two-factor/router";
import { uraRouter } from "./routers/ura/router";
import { verificationRouter } from "./routers/verification/router";
import { whatsappRouter } from "./routers/whatsapp/router";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  me: meRouter,
  sessions: sessionsRouter,
  twoFactor: twoFactorRouter,
  onboarding: onboardingRouter,
  departments: departmentsRouter,
  operators: operatorsRouter,
  plan: planRouter,
  whatsapp: whatsappRouter,
  ura: uraRouter,
  chat: chatRouter,
  dashboard: dashboardRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  attendances: attendancesRouter,
  reports: reportsRouter,
  reliability: reliabilityRouter,
  provider: providerRouter,
  imports: importsRouter,
  sync: syncRouter,
  verification: verificationRouter,
  health: healthRouter,
  console: consoleRouter,
  supportAccess: supportAccessRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
