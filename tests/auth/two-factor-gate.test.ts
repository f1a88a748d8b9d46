/** The pages' two-factor gate: who is sent to Minha conta, and from which paths. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OrgScope } from "@/server/auth/org-scope";
import type { SessionUser } from "@/server/auth/session";

const state = vi.hoisted(() => ({ path: "/" as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(state.path === null ? {} : { "x-pathname": state.path }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));

const { enforceTwoFactorEnrolment } = await import("@/server/auth/two-factor-gate");

const session = (twoFactorEnabled: boolean) => ({ twoFactorEnabled }) as SessionUser;
const scope = (requireTwoFactor: boolean, role: "owner" | "admin" | "member") =>
  ({ org: { requireTwoFactor }, membership: { role } }) as unknown as OrgScope;
const outcome = (p: Promise<void>) =>
  p.then(
    () => "stay",
    (e: Error) => e.message,
  );

describe("two-factor gate for pages", () => {
  beforeEach(() => {
    state.path = "/team/operators";
  });

  it("owners and admins without two-factor go to Minha conta's two-factor section from any other page", async () => {
    for (const role of ["owner", "admin"] as const) {
      expect(await outcome(enforceTwoFactorEnrolment(session(false), scope(true, role)))).toBe(
        "REDIRECT /account#two-factor",
      );
    }
    state.path = null;
    expect(await outcome(enforceTwoFactorEnrolment(session(false), scope(true, "admin")))).toBe(
      "REDIRECT /account#two-factor",
    );
  });

  it("Minha conta itself stays reachable; members, enrolled users and organizations without the requirement are not affected", async () => {
    state.path = "/account";
    expect(await outcome(enforceTwoFactorEnrolment(session(false), scope(true, "owner")))).toBe("stay");
    state.path = "/team/operators";
    expect(await outcome(enforceTwoFactorEnrolment(session(false), scope(true, "member")))).toBe("stay");
    expect(await outcome(enforceTwoFactorEnrolment(session(true), scope(true, "admin")))).toBe("stay");
    expect(await outcome(enforceTwoFactorEnrolment(session(false), scope(false, "owner")))).toBe("stay");
  });
});
