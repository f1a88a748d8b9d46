/**
 * `ChatProvider` for PlugChat: maps the vendor-neutral calls onto the partner API client
 * and the vendor's shapes onto the neutral types (Dates from epoch ms, booleans normalised).
 */
import "server-only";
import { isProviderError } from "../errors";
import type {
  ChatProvider,
  ChatProviderCapabilities,
  OperatorInput,
  ProviderOperator,
  SatisfactionEntry,
  Subscription,
} from "../types";
import { createPlugchatClient } from "./client";
import type { PlugchatClient, PlugchatClientConfig } from "./client";
import type { TCreateOperatorRequest, TSatisfactionEntry, TSubscriptionResponse } from "./contract";

export const PLUGCHAT_CAPABILITIES: ChatProviderCapabilities = Object.freeze({
  accounts: true,
  departments: true,
  subscription: true,
  satisfaction: true,
  whatsappCode: true,
  ura: true,
  operatorEmail: false,
  operatorLogin: true,
  operatorRoles: false,
  operatorUpsert: false,
  listOperators: true,
  attendanceWebhooks: true,
  chatSdk: true,
});

/** Statuses (besides `true`) that mean the subscription is in force. */
const ACTIVE_STATUSES = new Set(["active", "ativo", "ativa", "true", "trialing", "paid"]);

/** Epoch ms (the docs label them seconds); values too small to be ms are taken as seconds. */
export function toDate(value: number | null | undefined): Date | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return new Date(value < 1e11 ? value * 1000 : value);
}

export function toBoolean(value: boolean | "true" | "false" | undefined): boolean | null {
  if (value === undefined) return null;
  return value === true || value === "true";
}

export function toSubscription(res: TSubscriptionResponse): Subscription {
  const raw = typeof res.status === "boolean" ? String(res.status) : res.status;
  const active =
    res.status === true || (typeof res.status === "string" && ACTIVE_STATUSES.has(res.status.trim().toLowerCase()));
  return { id: res.id, quantity: res.quantity, active, rawStatus: raw };
}

export function toSatisfaction(e: TSatisfactionEntry): SatisfactionEntry {
  const operators =
    e.operatorsData?.map((o) => ({ id: o.id, name: o.name })) ??
    Object.keys(e.operators ?? {}).map((id) => ({ id, name: id }));
  return {
    id: e.id,
    attendanceNumber: e.attendanceNumber ?? null,
    customer: { name: e.customer?.name ?? null, phone: e.customer?.phone ?? null },
    requestTime: toDate(e.requestTime),
    startTime: toDate(e.startTime),
    endTime: toDate(e.endTime),
    operators,
    ratingValue: e.ratingValue ?? null,
    ratingObservation: e.ratingObservation ?? null,
    status: e.status ?? null,
  };
}

function operatorBody(input: OperatorInput): TCreateOperatorRequest {
  return {
    name: input.name,
    active: input.active,
    departments: input.departments,
    ...(input.login === undefined ? {} : { login: input.login }),
    ...(input.password === undefined ? {} : { password: input.password }),
    ...(input.isAdmin === undefined ? {} : { isAdmin: input.isAdmin }),
  };
}

export function createPlugchatProvider(clientOrConfig: PlugchatClient | PlugchatClientConfig): ChatProvider {
  const client: PlugchatClient = "baseUrl" in clientOrConfig ? createPlugchatClient(clientOrConfig) : clientOrConfig;

  return {
    name: "plugchat",
    capabilities: PLUGCHAT_CAPABILITIES,

    async createAccount(input) {
      const res = await client.createAccount({
        externalId: input.externalId,
        name: input.name,
        active: input.active,
        ...(input.sessionName === undefined ? {} : { sessionName: input.sessionName }),
        ...(input.webhooks?.onStartAttendance === undefined
          ? {}
          : { onStartAttendance: input.webhooks.onStartAttendance }),
        ...(input.webhooks?.onFinishAttendance === undefined
          ? {}
          : { onFinishAttendance: input.webhooks.onFinishAttendance }),
      });
      return { accountId: res.accountId };
    },

    async getAccount(account) {
      const res = await client.getAccount(account);
      return {
        accountId: account,
        name: res.name,
        externalId: res.externalId,
        active: res.active,
        webhooks: {
          onStartAttendance: res.onStartAttendance ?? null,
          onFinishAttendance: res.onFinishAttendance ?? null,
        },
      };
    },

    async setSubscription(account, seats) {
      return toSubscription(await client.setSubscription(account, { operators: seats }));
    },

    async cancelSubscription(account) {
      await client.cancelSubscription(account);
    },

    /**
     * Assumption (undocumented by the vendor): extension-token answers 404 both for an unknown
     * account (`{"reason":"entity not found"}`) and for an account without a WhatsApp instance.
     * A reason mentioning WhatsApp/instance means "no instance" → null. Any other 404 is checked
     * with `GET /account/:id/`: if the account exists the 404 meant "no instance" (null),
     * otherwise the original not_found is thrown.
     */
    async getWhatsAppCode(account) {
      try {
        const res = await client.getExtensionToken(account);
        return { token: res.token, expiresAt: toDate(res.expiresAt) ?? new Date(res.expiresAt) };
      } catch (error) {
        if (!isProviderError(error) || error.kind !== "not_found") throw error;
        if (/whats|instance|inst[âa]ncia/i.test(error.details.reason ?? "")) return null;
        try {
          await client.getAccount(account);
        } catch (lookup) {
          if (isProviderError(lookup) && lookup.kind === "not_found") throw error;
          throw lookup;
        }
        return null;
      }
    },

    async listDepartments(account) {
      const list = await client.listDepartments(account);
      return list.map((d) => ({ id: d.id, name: d.name, active: d.active, createdAt: toDate(d.createdAt) }));
    },

    async createDepartment(account, input) {
      const res = await client.createDepartment(account, { name: input.name, active: input.active });
      return { id: res.id };
    },

    async updateDepartment(account, input) {
      await client.updateDepartment(account, { id: input.id, name: input.name, active: input.active });
    },

    async deleteDepartment(account, id) {
      await client.deleteDepartment(account, id);
    },

    async listOperators(account) {
      const list = await client.listOperators(account);
      return list.map((o): ProviderOperator => ({
        id: o.id,
        name: o.name,
        active: o.active,
        departments: o.departments,
        isAdmin: toBoolean(o.isAdmin),
        createdAt: toDate(o.createdAt),
        accessToken: o.accessToken ?? null,
      }));
    },

    async createOperator(account, input) {
      const res = await client.createOperator(account, operatorBody(input));
      return { id: res.id, accessToken: res.accessToken };
    },

    async updateOperator(account, id, input) {
      const res = await client.updateOperator(account, { id, ...operatorBody(input) });
      return { id: res.id, accessToken: res.accessToken };
    },

    async satisfactionByDate(account, range) {
      const res = await client.satisfactionByDate(account, { start: range.start.getTime(), end: range.end.getTime() });
      return res.data.map(toSatisfaction);
    },

    async satisfactionByOperator(account, range) {
      const res = await client.satisfactionByOperator(account, {
        start: range.start.getTime(),
        end: range.end.getTime(),
        operatorId: range.operatorId,
      });
      return res.data.map(toSatisfaction);
    },

    async satisfactionByTicket(account, ticket) {
      const res = await client.satisfactionByTicket(account, { ticket });
      return res.data === null ? null : toSatisfaction(res.data);
    },

    async setUra(account, settings) {
      await client.setUra(account, { ...settings });
    },
  };
}
