/**
 * next-auth's credentials sign-in reads ZSignInInput: a NUL, another control character or
 * half a surrogate pair in the e-mail or password is refused as invalid credentials before
 * any lookup or hashing — never a crash.
 */
import type { RequestInternal } from "next-auth";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it } from "vitest";
import { authOptions, SIGN_IN_ERRORS } from "@/server/auth/options";

function authorize() {
  const provider = authOptions().providers[0] as CredentialsConfig;
  return (credentials: Record<string, string>) =>
    provider.options.authorize(credentials, { headers: { "x-forwarded-for": "127.0.0.1" } } as unknown as Pick<
      RequestInternal,
      "body" | "query" | "headers" | "method"
    >);
}

describe("sign-in refuses hostile credentials as invalid", () => {
  it.each([
    ["a NUL in the e-mail", { email: "ana\u0000@example.com", password: "uma senha qualquer" }],
    ["a NUL in the password", { email: "ana@example.com", password: "uma senha\u0000qualquer" }],
    ["a control character in the e-mail", { email: "ana\u0007@example.com", password: "uma senha qualquer" }],
    ["a line break inside the password", { email: "ana@example.com", password: "uma senha\nqualquer" }],
    ["half a surrogate pair in the password", { email: "ana@example.com", password: "senha \ud83d qualquer" }],
  ])("%s", async (_name, credentials) => {
    await expect(authorize()(credentials)).rejects.toThrow(SIGN_IN_ERRORS.invalid);
  });
});
