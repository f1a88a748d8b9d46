/**
 * A circuit breaker around a chat provider: after `threshold` consecutive failures that say
 * "the vendor is down" (unavailable other than 429, or a timeout) within `windowMs`, every call
 * fails fast for `cooldownMs` with `ProviderError("unavailable", reason "circuit open")` — the
 * user gets a quick, clear error instead of waiting for timeouts, and the vendor gets air.
 * After the cool-down ONE call goes through as a probe (half-open): success closes the
 * circuit, failure opens it again. A call failing fast was certainly not sent (no status, so
 * the provisioning layer records a create as `failed`, not `uncertain`).
 */
import { hasSpaceVerification } from "./cdp/provider";
import type { CdpChatProvider } from "./cdp/provider";
import { ProviderError, isProviderError } from "./errors";
import type { ChatProvider } from "./types";

export interface CircuitBreakerOptions {
  threshold?: number;
  windowMs?: number;
  cooldownMs?: number;
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half_open";

/** Failures that count: the vendor is unreachable, erroring or timing out (not 429, not 4xx). */
export function isOutageFailure(error: unknown): boolean {
  if (!isProviderError(error)) return false;
  if (error.kind === "unavailable") return error.status !== 429 && error.details.reason !== "circuit open";
  return error.kind === "ambiguous" && error.details.reason === "timeout";
}

export function createCircuitBreaker(options: CircuitBreakerOptions = {}) {
  const threshold = options.threshold ?? 5;
  const windowMs = options.windowMs ?? 30_000;
  const cooldownMs = options.cooldownMs ?? 15_000;
  const now = options.now ?? Date.now;
  let state: CircuitState = "closed";
  let failures: number[] = [];
  let openedAt = 0;
  let probing = false;

  function open(): void {
    state = "open";
    openedAt = now();
    failures = [];
  }

  return {
    get state(): CircuitState {
      if (state === "open" && now() - openedAt >= cooldownMs) return "half_open";
      return state;
    },
    async run<T>(method: string, path: string, call: () => Promise<T>): Promise<T> {
      let isProbe = false;
      if (state === "open") {
        if (now() - openedAt < cooldownMs || probing) {
          throw new ProviderError("unavailable", "chat provider circuit open", {
            method,
            path,
            reason: "circuit open",
          });
        }
        state = "half_open";
      }
      if (state === "half_open") {
        if (probing)
          throw new ProviderError("unavailable", "chat provider circuit open", {
            method,
            path,
            reason: "circuit open",
          });
        probing = true;
        isProbe = true;
      }
      try {
        const result = await call();
        if (isProbe) state = "closed";
        failures = [];
        return result;
      } catch (error) {
        if (isOutageFailure(error)) {
          if (isProbe) open();
          else {
            const t = now();
            failures = failures.filter((f) => t - f < windowMs);
            failures.push(t);
            if (failures.length >= threshold) open();
          }
        } else if (isProbe) {
          state = "closed"; // the vendor answered: it is up
          failures = [];
        } else {
          failures = [];
        }
        throw error;
      } finally {
        if (isProbe) probing = false;
      }
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;

/** The provider with every vendor call going through `breaker`. */
export function withCircuitBreaker(
  provider: ChatProvider,
  breaker: CircuitBreaker = createCircuitBreaker(),
): ChatProvider {
  const p = provider;
  const b = breaker;
  // The space helpers of a project + item backend stay visible through the breaker.
  const space: Partial<Pick<CdpChatProvider, "defaultSpace" | "verifySpace">> = hasSpaceVerification(p)
    ? {
        defaultSpace: p.defaultSpace,
        verifySpace: (projectUuid, itemUuid) =>
          b.run("POST", "verifySpace", () => p.verifySpace(projectUuid, itemUuid)),
      }
    : {};
  return {
    ...space,
    name: p.name,
    capabilities: p.capabilities,
    ...(p.roleCodes ? { roleCodes: p.roleCodes } : {}),
    createAccount: (input) => b.run("POST", "createAccount", () => p.createAccount(input)),
    getAccount: (account) => b.run("GET", "getAccount", () => p.getAccount(account)),
    setSubscription: (account, seats) => b.run("POST", "setSubscription", () => p.setSubscription(account, seats)),
    cancelSubscription: (account) => b.run("POST", "cancelSubscription", () => p.cancelSubscription(account)),
    getWhatsAppCode: (account) => b.run("GET", "getWhatsAppCode", () => p.getWhatsAppCode(account)),
    listDepartments: (account) => b.run("GET", "listDepartments", () => p.listDepartments(account)),
    createDepartment: (account, input) => b.run("POST", "createDepartment", () => p.createDepartment(account, input)),
    updateDepartment: (account, input) => b.run("PUT", "updateDepartment", () => p.updateDepartment(account, input)),
    deleteDepartment: (account, id) => b.run("DELETE", "deleteDepartment", () => p.deleteDepartment(account, id)),
    listOperators: (account) => b.run("GET", "listOperators", () => p.listOperators(account)),
    createOperator: (account, input) => b.run("POST", "createOperator", () => p.createOperator(account, input)),
    updateOperator: (account, id, input) => b.run("PUT", "updateOperator", () => p.updateOperator(account, id, input)),
    satisfactionByDate: (account, range) =>
      b.run("POST", "satisfactionByDate", () => p.satisfactionByDate(account, range)),
    satisfactionByOperator: (account, range) =>
      b.run("POST", "satisfactionByOperator", () => p.satisfactionByOperator(account, range)),
    satisfactionByTicket: (account, ticket) =>
      b.run("POST", "satisfactionByTicket", () => p.satisfactionByTicket(account, ticket)),
    setUra: (account, settings) => b.run("POST", "setUra", () => p.setUra(account, settings)),
  };
}
