/**
 * CDP gateway client (Live Chat operator binding): one method per documented call, typed by
 * ./contract. Holds the integrator token, hence server-only. Every call: the configured auth
 * header (Bearer by default) + JSON content type, a timeout, one log line per attempt (never a
 * credential), failures as `ProviderError`.
 *
 * The gateway answers `ResponseWrapper` bodies: `{success:false, error}` maps to a typed error
 * whatever the HTTP status (401 → unauthorized, 404 → not_found, 4xx → rejected with
 * `details.fieldErrors`, 429/5xx → unavailable; a 2xx with `success:false` is classified by
 * `error.code`). The only call, the upsert, is idempotent by user, so it is retried on
 * `unavailable` AND `ambiguous` (bounded, capped exponential backoff with full jitter).
 */
import "server-only";
import { logger as defaultLogger, REDACTED, redactText } from "../../log";
import type { Logger } from "../../log";
import { ProviderError } from "../errors";
import type { ProviderErrorKind } from "../errors";
import {
  DEFAULT_RETRY,
  classifyNetworkError,
  defaultSleep,
  kindForStatus,
  parseRetryAfter,
  parseSuccessBody,
  roundMs,
  tryJson,
  withRetries,
} from "../http";
import type { HttpMethod, RetryPolicy } from "../http";
import * as C from "./contract";
import { parseAuthHeader } from "./contract";
import type { CdpAuthHeader } from "./contract";
import { nodeHttpFetch, type FetchLike, type FetchLikeResponse } from "../node-http-fetch";

export { BEARER, parseAuthHeader } from "./contract";
export type { CdpAuthHeader } from "./contract";

export interface CdpClientConfig {
  /** The gateway origin (plus any prefix), without `/v1`, e.g. https://gateway.example.com. */
  baseUrl: string;
  token: string;
  /** "bearer" (default), a `CDP_AUTH_HEADER` spec (see `parseAuthHeader`) or the header itself. */
  authHeader?: "bearer" | string | CdpAuthHeader;
  /** Per attempt, covering connect, headers and body. */
  timeoutMs: number;
  logger?: Pick<Logger, "info" | "warn">;
  /** The HTTP transport (node:http with keep-alive by default; tests inject fakes or `fetch`). */
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Test seam for backoff waits. */
  sleep?: (ms: number) => Promise<void>;
}

const VENDOR = "CDP";

/** Kind of a `success:false` answered with a 2xx status: read from the error code. */
export function kindForCode(code: string, hasFieldErrors: boolean): ProviderErrorKind {
  const c = code.toUpperCase();
  if (/UNAUTHORI[SZ]ED|UNAUTHENTICATED|FORBIDDEN|ACCESS_DENIED/.test(c)) return "unauthorized";
  if (/NOT_FOUND/.test(c)) return "not_found";
  if (!hasFieldErrors && /UNAVAILABLE|INTERNAL|TIMEOUT|TOO_MANY|RATE_LIMIT/.test(c)) return "unavailable";
  return "rejected";
}

/**
 * Turns a failed answer into a ProviderError: a wrapper's `error` gives code, message and
 * normalised fieldErrors; otherwise the status alone decides (raw text as the reason).
 */
export function errorForCdpResponse(
  method: string,
  path: string,
  status: number,
  text: string,
  retryAfterHeader: string | null,
): ProviderError {
  const wrapper = C.ZAnyResponseWrapper.safeParse(tryJson(text));
  const error = wrapper.success ? wrapper.data.error : undefined;
  const ok2xx = status >= 200 && status < 300;
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(retryAfterHeader) : undefined;
  const base = { method, path, status, ...(retryAfter === undefined ? {} : { retryAfter }) };
  if (error) {
    const fieldErrors = (error.fieldErrors ?? []).map(C.normaliseFieldError);
    const kind = ok2xx ? kindForCode(error.code, fieldErrors.length > 0) : kindForStatus(status);
    return new ProviderError(kind, `${VENDOR} ${method} ${path} → ${status} ${error.code}: ${error.message}`, {
      ...base,
      reason: error.message,
      code: error.code,
      errorId: error.errorId,
      ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
    });
  }
  if (ok2xx) {
    return new ProviderError("rejected", `${VENDOR} ${method} ${path} → ${status}: success:false without an error`, {
      ...base,
      reason: "success:false without an error",
    });
  }
  const reason = text.length > 0 ? text.slice(0, 200) : undefined;
  return new ProviderError(
    kindForStatus(status),
    `${VENDOR} ${method} ${path} → ${status}${reason ? `: ${reason}` : ""}`,
    {
      ...base,
      ...(reason === undefined ? {} : { reason }),
    },
  );
}

/** The upsert is idempotent by user: a failure that certainly or possibly did not apply may be repeated. */
export function isRetryableUpsert(error: ProviderError): boolean {
  return error.kind === "unavailable" || error.kind === "ambiguous";
}

export function createCdpClient(config: CdpClientConfig) {
  const base = config.baseUrl.replace(/\/+$/, "");
  const doFetch = config.fetch ?? nodeHttpFetch;
  const log = config.logger ?? defaultLogger;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...config.retry };
  const sleep = config.sleep ?? defaultSleep;
  const auth = typeof config.authHeader === "object" ? config.authHeader : parseAuthHeader(config.authHeader);
  const headers: Record<string, string> = {
    [auth.name]: C.authHeaderValue(auth, config.token),
    "Content-Type": "application/json",
    Accept: "application/json",
  };
  /** Scrubs the credential from anything logged (whatever header carries it). */
  const scrub = (text: string): string =>
    config.token.length > 0 ? redactText(text).split(config.token).join(REDACTED) : redactText(text);

  async function attempt(
    method: HttpMethod,
    path: string,
    body: string | undefined,
    n: number,
  ): Promise<C.TUpsertOperatorResponse> {
    const started = performance.now();
    const signal = AbortSignal.timeout(config.timeoutMs);
    let status: number | undefined;
    let failure: ProviderError | undefined;
    try {
      let text: string;
      let res: FetchLikeResponse;
      try {
        res = await doFetch(base + path, { method, headers, body, signal });
        status = res.status;
        text = await res.text();
      } catch (error) {
        throw classifyNetworkError(VENDOR, error, method, path, signal.aborted);
      }
      if (!res.ok) throw errorForCdpResponse(method, path, res.status, text, res.headers.get("retry-after"));
      const parsed = parseSuccessBody(VENDOR, method, path, res.status, text, C.ZUpsertOperatorResponse);
      if (!parsed.success) throw errorForCdpResponse(method, path, res.status, text, null);
      return parsed;
    } catch (error) {
      failure =
        error instanceof ProviderError
          ? error
          : new ProviderError("ambiguous", `${VENDOR} ${method} ${path} failed`, { method, path, cause: error });
      throw failure;
    } finally {
      const fields = {
        vendor: "cdp",
        method,
        path,
        status,
        durationMs: roundMs(performance.now() - started),
        attempt: n,
      };
      if (failure === undefined) log.info(fields, "cdp call");
      else {
        const { reason, code } = failure.details;
        log.warn(
          { ...fields, kind: failure.kind, code, reason: reason === undefined ? undefined : scrub(reason) },
          "cdp call failed",
        );
      }
    }
  }

  return {
    /**
     * `POST /v1/projects/{projectUuid}/livechat/items/{itemUuid}/operators` — creates or updates
     * the user's binding. Resolves to the wrapper's `data` (`{}` when the gateway sends none).
     * A DTO that breaks the contract is refused before sending (rejected, with fieldErrors).
     */
    async upsertOperator(
      projectUuid: string,
      itemUuid: string,
      dto: C.TLiveChatOperatorBindingGatewayRequestDTO,
    ): Promise<C.TOperatorBinding> {
      const path = C.upsertOperatorPath(projectUuid, itemUuid);
      const checked = C.ZLiveChatOperatorBindingGatewayRequestDTO.safeParse(dto);
      if (!checked.success) {
        const fieldErrors = checked.error.issues.map((i) => ({
          field: i.path.join(".") || "body",
          message: i.message,
        }));
        throw new ProviderError("rejected", `${VENDOR} POST ${path}: request does not match the contract`, {
          method: "POST",
          path,
          reason: "invalid request",
          fieldErrors,
        });
      }
      const body = JSON.stringify(checked.data);
      const res = await withRetries(policy, isRetryableUpsert, sleep, (n) => attempt("POST", path, body, n));
      return res.data ?? {};
    },
  };
}

export type CdpClient = ReturnType<typeof createCdpClient>;
