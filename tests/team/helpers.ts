/** Team-test plumbing: callers that keep the cookies procedures set, and error-code assertions. */
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createCaller } from "@/server/api/root";
import { AppError } from "@/server/errors";
import { createContextInner, type CookieOptions } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import type { TestMember } from "../helpers/context";

export function teamCaller(db: Db, member: TestMember | null, orgHint?: string, provider?: ChatProvider) {
  const cookies: Array<{ name: string; value: string; options: CookieOptions }> = [];
  const ctx = createContextInner({
    db,
    session: member?.session ?? null,
    orgHint: orgHint ?? member?.organizationId ?? null,
    // A fresh address per caller, as in tests/helpers/context.ts: rate limits count per address.
    clientIp: `10.${randomBytes(3).join(".")}`,
    // Pointed at a closed loopback port: team procedures never call the vendor.
    provider: provider ?? createChatProvider({ baseUrl: "http://127.0.0.1:9/integrator", token: "unused", timeoutMs: 200 }),
    setCookie: (name, value, options) => cookies.push({ name, value, options }),
  });
  return { caller: createCaller(ctx), cookies };
}

/** The app error code a call failed with (fails the test if it succeeded). */
export async function appCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const cause = (error as TRPCError).cause;
    return cause instanceof AppError ? cause.info.code : (error as TRPCError).code;
  }
  throw new Error("expected the call to fail");
}
