/**
 * lib/forms/lazy-resolver.ts: a form's schema loads once, on first use, and validates exactly as
 * zodResolver would (the same messages, the parsed values); a failed download is retried.
 */
import { describe, expect, it, vi } from "vitest";
import type { ResolverOptions } from "react-hook-form";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import type { TSignInInput } from "@/lib/validation/auth";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<TSignInInput>;

describe("lazyZodResolver", () => {
  it("loads the schema once, on the first validation, and returns its parsed values and message keys", async () => {
    const load = vi.fn(() => import("@/lib/validation/auth").then((m) => m.ZSignInInput));
    const resolver = lazyZodResolver<TSignInInput>(load);
    expect(load).not.toHaveBeenCalled();

    const ok = await resolver({ email: "  Ana@Example.COM ", password: "x" }, undefined, options);
    expect(ok.values).toEqual({ email: "ana@example.com", password: "x" });
    expect(ok.errors).toEqual({});

    const bad = await resolver({ email: "not-an-email", password: "" }, undefined, options);
    expect(bad.values).toEqual({});
    expect(bad.errors.email?.message).toBe("validation.email");
    expect(bad.errors.password?.message).toBe("validation.required");

    resolver.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("a failed download is tried again on the next validation", async () => {
    let attempt = 0;
    const resolver = lazyZodResolver<TSignInInput>(async () => {
      attempt++;
      if (attempt === 1) throw new Error("network");
      return (await import("@/lib/validation/auth")).ZSignInInput;
    });
    await expect(resolver({ email: "a@b.co", password: "x" }, undefined, options)).rejects.toThrow("network");
    const second = await resolver({ email: "a@b.co", password: "x" }, undefined, options);
    expect(second.errors).toEqual({});
    expect(attempt).toBe(2);
  });
});
