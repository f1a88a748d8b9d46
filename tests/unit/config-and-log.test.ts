import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { requiredProductionVariables } from "@/server/config/secrets";
import { createLogger, redactDeep, redactText, REDACTED } from "@/server/log";
import { safeCallbackPath } from "@/lib/safe-redirect";

describe("production configuration", () => {
  it("names every missing secret", () => {
    expect(requiredProductionVariables({})).toEqual([
      "NEXTAUTH_SECRET",
      "ENCRYPTION_KEYS",
      "PUBLIC_URL",
      "PLUGCHAT_BASE_URL",
      "PLUGCHAT_TOKEN",
    ]);
    expect(
      requiredProductionVariables({
        NEXTAUTH_SECRET: "s",
        ENCRYPTION_KEYS: "k",
        PUBLIC_URL: "https://x",
        PLUGCHAT_BASE_URL: "https://v",
        PLUGCHAT_TOKEN: "t",
      }),
    ).toEqual([]);
  });

  it("stops a production start with one line naming the variable", () => {
    const script = `import { assertProductionConfig } from "./server/config/secrets.ts"; assertProductionConfig(); console.log("started");`;
    const result = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          NEXTAUTH_SECRET: "x".repeat(40),
          PUBLIC_URL: "https://portal.example",
          PLUGCHAT_BASE_URL: "https://vendor.example",
          PLUGCHAT_TOKEN: "t",
        },
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("started");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("ENCRYPTION_KEYS");
  });
});

describe("log redaction", () => {
  it("censors secret-named keys at any depth and Bearer credentials in text", () => {
    const payload = {
      user: { password: "hunter2hunter2", profile: { accessToken: "tok-123" } },
      list: [{ token: "abc" }],
      name: "ok",
    };
    const out = JSON.stringify(redactDeep(payload));
    for (const secret of ["hunter2hunter2", "tok-123", '"abc"']) expect(out).not.toContain(secret);
    expect(out).toContain('"name":"ok"');
    expect(redactText("Authorization: Bearer sk_live_123")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText("/hook?token=s3cr3t&x=1")).toBe(`/hook?token=${REDACTED}&x=1`);
  });

  it("the portal's logger censors secret keys in what it prints", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger(stream, "info");
    log.info(
      { password: "p4ssw0rd-value", body: { token: "t0k3n-value" }, deep: { a: { accessToken: "acc-value" } } },
      "x",
    );
    const printed = lines.join("");
    expect(printed).toContain(REDACTED);
    expect(printed).not.toMatch(/p4ssw0rd-value|t0k3n-value|acc-value/);
  });
});

describe("callback paths", () => {
  it.each([
    ["/onboarding", "/onboarding"],
    ["https://evil.example/x", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
