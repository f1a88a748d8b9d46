/** Team-test plumbing: callers that keep the cookies procedures set (error codes: ../helpers/outcome.ts). */
import { randomBytes } from "node:crypto";
import { createCaller } from "@/server/api/root";
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
    requestOrigin: "http://portal.test:3210",
    // Pointed at a closed loopback port: team procedures never call the vendor.
    provider:
      provider ?? createChatProvider({ baseUrl: "http://127.0.0.1:9/integrator", token: "unused", timeoutMs: 200 }),
    setCookie: (name, value, options) => cookies.push({ name, value, options }),
  });
  return { caller: createCaller(ctx), cookies };
}
