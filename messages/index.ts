/**
 * The message files, one JSON per namespace and language. Add a namespace by adding its
 * file to both languages and a line to each object below; `tests/i18n.test.ts` checks that
 * both languages have exactly the same keys.
 */
import enAdmin from "./en/admin.json";
import enAttendances from "./en/attendances.json";
import enAuth from "./en/auth.json";
import enChat from "./en/chat.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enEmail from "./en/email.json";
import enErrors from "./en/errors.json";
import enImport from "./en/import.json";
import enMail from "./en/mail.json";
import enOnboarding from "./en/onboarding.json";
import enReports from "./en/reports.json";
import enPlan from "./en/plan.json";
import enSessions from "./en/sessions.json";
import enSupport from "./en/support.json";
import enSync from "./en/sync.json";
import enTeam from "./en/team.json";
import enTwoFactor from "./en/twoFactor.json";
import enUra from "./en/ura.json";
import enValidation from "./en/validation.json";
import enWhatsapp from "./en/whatsapp.json";
import ptAdmin from "./pt-BR/admin.json";
import ptAttendances from "./pt-BR/attendances.json";
import ptAuth from "./pt-BR/auth.json";
import ptChat from "./pt-BR/chat.json";
import ptCommon from "./pt-BR/common.json";
import ptDashboard from "./pt-BR/dashboard.json";
import ptEmail from "./pt-BR/email.json";
import ptErrors from "./pt-BR/errors.json";
import ptImport from "./pt-BR/import.json";
import ptMail from "./pt-BR/mail.json";
import ptOnboarding from "./pt-BR/onboarding.json";
import ptReports from "./pt-BR/reports.json";
import ptPlan from "./pt-BR/plan.json";
import ptSessions from "./pt-BR/sessions.json";
import ptSupport from "./pt-BR/support.json";
import ptSync from "./pt-BR/sync.json";
import ptTeam from "./pt-BR/team.json";
import ptTwoFactor from "./pt-BR/twoFactor.json";
import ptUra from "./pt-BR/ura.json";
import ptValidation from "./pt-BR/validation.json";
import ptWhatsapp from "./pt-BR/whatsapp.json";

const ptBR = {
  common: ptCommon,
  validation: ptValidation,
  errors: ptErrors,
  auth: ptAuth,
  onboarding: ptOnboarding,
  dashboard: ptDashboard,
  chat: ptChat,
  team: ptTeam,
  import: ptImport,
  sync: ptSync,
  mail: ptMail,
  sessions: ptSessions,
  twoFactor: ptTwoFactor,
  email: ptEmail,
  whatsapp: ptWhatsapp,
  attendances: ptAttendances,
  reports: ptReports,
  plan: ptPlan,
  ura: ptUra,
  admin: ptAdmin,
  support: ptSupport,
};

const en: typeof ptBR = {
  common: enCommon,
  validation: enValidation,
  errors: enErrors,
  auth: enAuth,
  onboarding: enOnboarding,
  dashboard: enDashboard,
  chat: enChat,
  team: enTeam,
  import: enImport,
  sync: enSync,
  mail: enMail,
  sessions: enSessions,
  twoFactor: enTwoFactor,
  email: enEmail,
  whatsapp: enWhatsapp,
  attendances: enAttendances,
  reports: enReports,
  plan: enPlan,
  ura: enUra,
  admin: enAdmin,
  support: enSupport,
};

export type Messages = typeof ptBR;
export const messages = { "pt-BR": ptBR, en } as const;
