import { describe, expect, it } from "vitest";
import { devTokenWarning } from "@/server/config/dev-token-warning";

describe("npm run dev warns when a real provider is configured without its token", () => {
  it("PlugChat URL set, token empty or unset → a warning naming both variables and the token that would be sent", () => {
    for (const token of [undefined, "", "  "]) {
      const warning = devTokenWarning({
        PLUGCHAT_BASE_URL: "https://api.plugchat.com.br/integrator",
        PLUGCHAT_TOKEN: token,
      });
      expect(warning).toContain("PLUGCHAT_BASE_URL");
      expect(warning).toContain("PLUGCHAT_TOKEN");
      expect(warning).toContain("dev-integrator-token");
    }
  });

  it("CDP (CHAT_PROVIDER=cdp) URL set, token empty → a warning about CDP_TOKEN", () => {
    const warning = devTokenWarning({
      CHAT_PROVIDER: "cdp",
      CDP_BASE_URL: "https://gateway.cdp.example.com",
      CDP_TOKEN: "",
    });
    expect(warning).toContain("CDP_TOKEN");
    expect(warning).toContain("dev-cdp-token");
  });

  it("no warning with the token set, with no URL (the emulator starts), or with a loopback emulator URL", () => {
    expect(
      devTokenWarning({ PLUGCHAT_BASE_URL: "https://api.plugchat.com.br/integrator", PLUGCHAT_TOKEN: "real" }),
    ).toBeNull();
    expect(devTokenWarning({})).toBeNull();
    expect(devTokenWarning({ PLUGCHAT_BASE_URL: "http://127.0.0.1:4010/integrator" })).toBeNull();
    expect(devTokenWarning({ CHAT_PROVIDER: "cdp", CDP_BASE_URL: "http://localhost:4020" })).toBeNull();
    expect(
      devTokenWarning({ CHAT_PROVIDER: "cdp", CDP_BASE_URL: "https://gateway.cdp.example.com", CDP_TOKEN: "real" }),
    ).toBeNull();
  });

  it("only the active provider counts", () => {
    expect(
      devTokenWarning({ CHAT_PROVIDER: "cdp", PLUGCHAT_BASE_URL: "https://api.plugchat.com.br/integrator" }),
    ).toBeNull();
    expect(devTokenWarning({ CDP_BASE_URL: "https://gateway.cdp.example.com" })).toBeNull();
  });
});
