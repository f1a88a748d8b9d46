/**
 * The sign-in limit cannot be dodged by writing X-Forwarded-For: a real HTTP server stamps
 * requests the way the portal's server does (scripts/serve.mjs appends the TCP peer), and
 * hands them to next-auth's credentials `authorize` from server/auth/options.ts.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampClientPeer } from "@/scripts/client-peer.mjs";
import { authOptions, SIGN_IN_ERRORS } from "@/server/auth/options";
import { getDb, type DbHandle } from "@/server/db/client";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { createMember } from "../helpers/context";

/** next-auth merges a provider's `options` (what we wrote) over its defaults at run time; so do we. */
function credentialsAuthorize(): CredentialsConfig["authorize"] {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
    options: Pick<CredentialsConfig, "authorize">;
  };
  return provider.options.authorize;
}

async function bodyOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

describe("sign-in from one machine that writes a new X-Forwarded-For on every request", () => {
  let handle: DbHandle;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    handle = await getDb();
    const authorize = credentialsAuthorize();
    server = createServer(async (req, res) => {
      stampClientPeer(req);
      const form = await bodyOf(req);
      const credentials = { email: form.get("email") ?? "", password: form.get("password") ?? "" };
      try {
        await authorize(credentials, {
          headers: req.headers,
          method: "POST",
          body: Object.fromEntries(form),
          query: {},
        });
        res.statusCode = 200;
      } catch (error) {
        res.statusCode = error instanceof Error && error.message.startsWith(SIGN_IN_ERRORS.rateLimited) ? 429 : 401;
      }
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await handle.close();
  });

  it("30 wrong passwords, each claiming another address: the 11th and every later one are refused", async () => {
    const victim = await createMember(handle.db);
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const res = await fetch(`${origin}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${i}` },
        body: new URLSearchParams({ email: victim.session.email, password: `wrong password number ${i}` }),
      });
      statuses.push(res.status);
    }
    const allowed = RATE_LIMITS.signInAccountIp.points;
    expect(statuses.slice(0, allowed)).toEqual(Array(allowed).fill(401));
    expect(statuses.slice(allowed)).toEqual(Array(30 - allowed).fill(429));
  });
});
