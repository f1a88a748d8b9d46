/**
 * PlugChat partner API client: one method per documented call, typed by ./contract.
 * Holds the integrator token, hence server-only. Every call: Bearer token + JSON content
 * type, a timeout, one log line per attempt (never a credential), failures as
 * `ProviderError`. GET/PUT/DELETE are retried on `unavailable` with capped exponential
 * backoff and full jitter; POST is never retried (the vendor has no idempotency key).
 */
import "server-only";
import type { z } from "zod";
import { logger as defaultLogger, redactText } from "../../log";
import type { Logger } from "../../log";
import { ProviderError } from "../errors";
import * as C from "./contract";
import { DEFAULT_RETRY, backoffDelay, classifyNetworkError, errorForResponse, isRetryable, parseSuccess } from "./http";
import type { HttpMethod, RetryPolicy } from "./http";
import { nodeHttpFetch, type FetchLike } from "../node-http-fetch";

export interface PlugchatClientConfig {
  /** e.g. https://api.plugchat.com.br/integrator (no trailing slash needed). */
  baseUrl: string;
  token: string;
  /** Per attempt, covering connect, headers and body. */
  timeoutMs: number;
  logger?: Pick<Logger, "info" | "warn">;
  /** The HTTP transport (node:http with keep-alive by default; tests inject fakes or `fetch`). */
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Test seam for backoff waits. */
  sleep?: (ms: number) => Promise<void>;
}

const enc = encodeURIComponent;
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createPlugchatClient(config: PlugchatClientConfig) {
  const base = config.baseUrl.replace(/\/+$/, "");
  const doFetch = config.fetch ?? nodeHttpFetch;
  const log = config.logger ?? defaultLogger;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...config.retry };
  const sleep = config.sleep ?? defaultSleep;
  const headers = {
    Authorization: `Bearer ${config.token}`,
    "Content-Type": "application/json",
    Accept: "application/json",
  };

  async function attempt<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    body: string | undefined,
    schema: S,
    n: number,
  ): Promise<z.output<S>> {
    const started = performance.now();
    const signal = AbortSignal.timeout(config.timeoutMs);
    let status: number | undefined;
    let failure: ProviderError | undefined;
    try {
      let text: string;
      try {
        const res = await doFetch(base + path, { method, headers, body, signal });
        status = res.status;
        text = await res.text();
        if (!res.ok) throw errorForResponse(method, path, res.status, text, res.headers.get("retry-after"));
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        throw classifyNetworkError(error, method, path, signal.aborted);
      }
      return parseSuccess(method, path, status, text, schema);
    } catch (error) {
      failure = error as ProviderError;
      throw failure;
    } finally {
      const fields = {
        vendor: "plugchat",
        method,
        path,
        status,
        durationMs: round(performance.now() - started),
        attempt: n,
      };
      if (failure === undefined) log.info(fields, "plugchat call");
      else {
        const reason = failure.details.reason;
        log.warn(
          { ...fields, kind: failure.kind, reason: reason === undefined ? undefined : redactText(reason) },
          "plugchat call failed",
        );
      }
    }
  }

  async function call<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    payload: unknown,
    schema: S,
  ): Promise<z.output<S>> {
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    for (let n = 1; ; n++) {
      try {
        return await attempt(method, path, body, schema, n);
      } catch (error) {
        const e = error as ProviderError;
        if (n > policy.retries || !isRetryable(method, e)) throw e;
        const delay = backoffDelay(n, policy, e.details.retryAfter);
        if (delay === null) throw e;
        await sleep(delay);
      }
    }
  }

  const acc = (accountId: string): string => `/account/${enc(accountId)}`;

  return {
    createAccount: (body: C.TCreateAccountRequest) => call("POST", "/account", body, C.ZCreateAccountResponse),
    getAccount: (accountId: string) => call("GET", `${acc(accountId)}/`, undefined, C.ZGetAccountResponse),
    setSubscription: (accountId: string, body: C.TSubscriptionRequest) =>
      call("POST", `${acc(accountId)}/subscription`, body, C.ZSubscriptionResponse),
    cancelSubscription: (accountId: string) =>
      call("POST", `${acc(accountId)}/cancel-subscription`, undefined, C.ZCancelSubscriptionResponse),
    getExtensionToken: (accountId: string) =>
      call("GET", `${acc(accountId)}/extension-token`, undefined, C.ZExtensionTokenResponse),

    createDepartment: (accountId: string, body: C.TCreateDepartmentRequest) =>
      call("POST", `${acc(accountId)}/departments`, body, C.ZCreateDepartmentResponse),
    listDepartments: (accountId: string) =>
      call("GET", `${acc(accountId)}/departments`, undefined, C.ZListDepartmentsResponse),
    updateDepartment: (accountId: string, body: C.TUpdateDepartmentRequest) =>
      call("PUT", `${acc(accountId)}/departments`, body, C.ZUpdateDepartmentResponse),
    deleteDepartment: (accountId: string, departmentId: string) =>
      call("DELETE", `${acc(accountId)}/departments/${enc(departmentId)}`, undefined, C.ZDeleteDepartmentResponse),

    createOperator: (accountId: string, body: C.TCreateOperatorRequest) =>
      call("POST", `${acc(accountId)}/operators`, body, C.ZCreateOperatorResponse),
    listOperators: (accountId: string) =>
      call("GET", `${acc(accountId)}/operators`, undefined, C.ZListOperatorsResponse),
    updateOperator: (accountId: string, body: C.TUpdateOperatorRequest) =>
      call("PUT", `${acc(accountId)}/operators`, body, C.ZUpdateOperatorResponse),

    satisfactionByDate: (accountId: string, body: C.TSatisfactionByDateRequest) =>
      call("POST", `${acc(accountId)}/satisfaction/by-date`, body, C.ZSatisfactionListResponse),
    satisfactionByOperator: (accountId: string, body: C.TSatisfactionByOperatorRequest) =>
      call("POST", `${acc(accountId)}/satisfaction/by-operator`, body, C.ZSatisfactionListResponse),
    satisfactionByTicket: (accountId: string, body: C.TSatisfactionByTicketRequest) =>
      call("POST", `${acc(accountId)}/satisfaction/by-ticket`, body, C.ZSatisfactionByTicketResponse),

    setUra: (accountId: string, body: C.TUraRequest) => call("POST", `${acc(accountId)}/ura`, body, C.ZUraResponse),
  };
}

export type PlugchatClient = ReturnType<typeof createPlugchatClient>;

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
