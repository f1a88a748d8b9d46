/**
 * The emulator's SDK stand-in reports the init options it was given (POST /sdk/init, the operator's
 * token only as "given or not") and the control surface lists them (GET /__emulator/sdk/inits),
 * so an end-to-end test can prove what the portal passed to ChatPluginPlay.init.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { parseSdkInit, SDK_SCRIPT } from "@/emulators/plugchat/sdk";
import { startEmulator } from "../vendor/helpers";

describe("SDK stand-in: init options recorded", () => {
  let emu: PlugchatEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => emu.close());

  const inits = async () =>
    ((await (await fetch(`${emu.origin}/__emulator/sdk/inits`)).json()) as { inits: Array<{ options: object }> }).inits;

  it("keeps what the script reports, never a token, and forgets on reset", async () => {
    const report = {
      accountId: "acc-1",
      appName: "Padaria Chat",
      appLogo: "http://portal.test/api/branding/logo?v=abc",
      appPrimaryColor: "#5b21b6",
      theme: "light",
      hasOperatorAccessToken: true,
    };
    // What the script sends: text/plain (a simple request, no CORS preflight), answered with CORS open.
    const res = await fetch(`${emu.origin}/sdk/init`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(report),
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await inits()).toEqual([{ at: expect.any(Number), options: report }]);
    expect(emu.sdkInits()).toHaveLength(1);

    // A token sent by anything else is dropped, not kept.
    await fetch(`${emu.origin}/sdk/init`, {
      method: "POST",
      body: JSON.stringify({ appName: "x", operatorAccessToken: "secret-token" }),
    });
    const all = await inits();
    expect(all[1]!.options).toEqual({ appName: "x", hasOperatorAccessToken: true });
    expect(JSON.stringify(all)).not.toContain("secret-token");

    expect((await fetch(`${emu.origin}/sdk/init`, { method: "POST", body: "[1]" })).status).toBe(400);
    emu.reset();
    expect(await inits()).toEqual([]);
  });

  it("the script reports init without the token", () => {
    expect(SDK_SCRIPT).toContain('"/sdk/init"');
    expect(SDK_SCRIPT).toMatch(/k !== "operatorAccessToken"/);
    expect(parseSdkInit(Buffer.from("not json"), 1)).toBeNull();
  });
});
