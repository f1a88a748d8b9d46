/** The client's log lines never carry the integrator token, passwords or operator accessTokens. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { ProviderError } from "@/server/providers/errors";
import { TOKEN, captureLogger, clientFor, startEmulator } from "./helpers";

let emu: PlugchatEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe("redaction", () => {
  it("logs each call once with method, path, status, duration and attempt — and no secrets", async () => {
    const { logger, lines } = captureLogger();
    const client = clientFor(emu, { logger });
    const password = "Sup3r-Secret-Password!";
    const { accountId } = await client.createAccount({ externalId: "org", name: "Loja", active: true });
    const op = await client.createOperator(accountId, {
      name: "Ana",
      active: true,
      departments: [],
      login: "ana",
      password,
    });
    await client.updateOperator(accountId, { id: op.id, name: "Ana", active: true, departments: [], password });
    await client.listOperators(accountId);
    // Failures log too: a 400 that echoes input and a 401 with a wrong token.
    await client
      .createOperator(accountId, { name: "", active: true, departments: [], password })
      .catch(() => undefined);
    const wrongToken = "wrong-token-value-123";
    await clientFor(emu, { logger, token: wrongToken })
      .listOperators(accountId)
      .catch((e: unknown) => expect(e).toBeInstanceOf(ProviderError));

    expect(lines).toHaveLength(6);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({ method: "POST", path: "/account", status: 200, attempt: 1 });
    expect(typeof first.durationMs).toBe("number");
    const all = lines.join("\n");
    for (const secret of [TOKEN, password, op.accessToken, wrongToken, op.accessToken.split(".")[2] as string]) {
      expect(all).not.toContain(secret);
    }
  });
});
