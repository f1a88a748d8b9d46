/**
 * The chat provider boundary. Routers, provisioning and pages know a chat backend
 * only through `ChatProvider`: what it can do (`capabilities`) and vendor-neutral
 * calls. PlugChat is one implementation; the CDP gateway (issue 7) is the second.
 *
 * Every method throws `ProviderError` (see ./errors) on failure, never a raw fetch error.
 */

/** What a backend supports; the UI and the provisioning layer read these, never a provider name. */
export interface ChatProviderCapabilities {
  /** The portal creates a per-tenant account at the provider (PlugChat). */
  accounts: boolean;
  departments: boolean;
  subscription: boolean;
  satisfaction: boolean;
  /** A WhatsApp connection code (extension-token). */
  whatsappCode: boolean;
  /** Automatic triage (URA / IVR) configuration. */
  ura: boolean;
  /** Operators are identified by e-mail (CDP) rather than only by a name. */
  operatorEmail: boolean;
  /** Operators may get an optional chat login + password (PlugChat). */
  operatorLogin: boolean;
  /** Operators carry a role code (CDP) instead of an admin flag. */
  operatorRoles: boolean;
  /** Creating an operator is an idempotent upsert: an uncertain create may simply be repeated. */
  operatorUpsert: boolean;
  /** The provider can list operators/departments, so uncertain creates can be reconciled by list. */
  listOperators: boolean;
  /** The provider serves a browser SDK that logs an operator into the chat with an access token. */
  chatSdk: boolean;
  /** The provider posts attendance start/finish webhooks (the Atendimentos page is built from them). */
  attendanceWebhooks: boolean;
}

/** Identifies a tenant's chat space at the provider (PlugChat: the accountId). Opaque to callers. */
export type AccountRef = string;

export interface CreateAccountInput {
  /** Our organization's id. */
  externalId: string;
  name: string;
  active: boolean;
  sessionName?: string;
  webhooks?: {
    onStartAttendance?: string;
    onFinishAttendance?: string;
  };
}

export interface ProviderAccount {
  accountId: AccountRef;
  name: string;
  externalId: string;
  active: boolean;
  webhooks: {
    onStartAttendance: string | null;
    onFinishAttendance: string | null;
  };
}

export interface ProviderDepartment {
  id: string;
  name: string;
  active: boolean;
  createdAt: Date | null;
}

export interface ProviderOperator {
  id: string;
  name: string;
  active: boolean;
  departments: string[];
  isAdmin: boolean | null;
  createdAt: Date | null;
  /** A credential: store encrypted, never send to a browser except to open the chat. */
  accessToken: string | null;
}

export interface OperatorInput {
  name: string;
  active: boolean;
  departments: string[];
  isAdmin?: boolean;
  login?: string;
  /** Write-only: sent to the provider, never stored by the portal. */
  password?: string;
  /** Providers with `operatorEmail`. */
  email?: string;
  firstName?: string;
  lastName?: string;
  roleCode?: string;
  onlyAssignedConversations?: boolean;
}

export interface Subscription {
  id: string;
  quantity: number;
  /** Normalised: the vendor answers a boolean or a string such as "active". */
  active: boolean;
  rawStatus: string;
}

export interface WhatsAppCode {
  token: string;
  expiresAt: Date;
}

export interface SatisfactionEntry {
  id: string;
  attendanceNumber: number | null;
  customer: { name: string | null; phone: string | null };
  requestTime: Date | null;
  startTime: Date | null;
  endTime: Date | null;
  operators: Array<{ id: string; name: string }>;
  ratingValue: number | null;
  ratingObservation: string | null;
  status: string | null;
}

export interface UraSettings {
  active: boolean;
  ignoreGeral: boolean;
  ignoreGroups: boolean;
  welcomeMessage: string;
  departmentMessage: string;
}

export interface ChatProvider {
  readonly name: "plugchat" | "cdp";
  readonly capabilities: ChatProviderCapabilities;
  /**
   * With `operatorRoles`: the role codes operators may get (CDP_ROLE_CODES; the first is the
   * administrator's, the last the default). Absent on backends without roles.
   */
  readonly roleCodes?: readonly string[];

  createAccount(input: CreateAccountInput): Promise<{ accountId: AccountRef }>;
  getAccount(account: AccountRef): Promise<ProviderAccount>;

  setSubscription(account: AccountRef, seats: number): Promise<Subscription>;
  cancelSubscription(account: AccountRef): Promise<void>;
  /** `null` when the account has no WhatsApp instance yet. */
  getWhatsAppCode(account: AccountRef): Promise<WhatsAppCode | null>;

  listDepartments(account: AccountRef): Promise<ProviderDepartment[]>;
  createDepartment(account: AccountRef, input: { name: string; active: boolean }): Promise<{ id: string }>;
  updateDepartment(account: AccountRef, input: { id: string; name: string; active: boolean }): Promise<void>;
  deleteDepartment(account: AccountRef, id: string): Promise<void>;

  listOperators(account: AccountRef): Promise<ProviderOperator[]>;
  createOperator(account: AccountRef, input: OperatorInput): Promise<{ id: string; accessToken: string | null }>;
  updateOperator(
    account: AccountRef,
    id: string,
    input: OperatorInput,
  ): Promise<{ id: string; accessToken: string | null }>;

  satisfactionByDate(account: AccountRef, range: { start: Date; end: Date }): Promise<SatisfactionEntry[]>;
  satisfactionByOperator(
    account: AccountRef,
    range: { start: Date; end: Date; operatorId: string },
  ): Promise<SatisfactionEntry[]>;
  satisfactionByTicket(account: AccountRef, ticket: number): Promise<SatisfactionEntry | null>;
  setUra(account: AccountRef, settings: UraSettings): Promise<void>;
}
