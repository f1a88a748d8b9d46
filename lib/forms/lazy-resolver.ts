/**
 * A react-hook-form resolver whose zod schema (and zod itself, ~18 kB gzip that Turbopack cannot
 * tree-shake) loads when the person starts using a form instead of with the page (issue 13's JS
 * budget). The form renders and accepts typing at once; the first validation (blur or submit)
 * awaits the chunk, which the first focus or press inside any form on the page has already asked
 * for. The schema is the one the procedure uses (lib/validation): nothing is written twice.
 *
 *   const signInResolver = lazyZodResolver<TSignInInput>(() => import("@/lib/validation/auth").then((m) => m.ZSignInInput));
 *   useForm<TSignInInput>({ resolver: signInResolver });
 *
 * Client modules that use it import lib/validation only with `import type` (a value import
 * brings zod back into the page's first download).
 */
import type { FieldValues, Resolver } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";

export type LazyResolver<T extends FieldValues> = Resolver<T> & {
  /** Starts loading the schema; safe to call many times. */
  preload: () => void;
};

export function lazyZodResolver<T extends FieldValues>(
  /** The schema whose input or output is the form's values. */
  loadSchema: () => Promise<$ZodType<T, unknown> | $ZodType<unknown, T>>,
): LazyResolver<T> {
  let pending: Promise<Resolver<T>> | undefined;
  const load = () =>
    (pending ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) =>
        zodResolver(schema as $ZodType<FieldValues, FieldValues>) as unknown as Resolver<T>,
    )).catch((error: unknown) => {
      pending = undefined; // a failed download is retried on the next validation
      throw error;
    });
  const resolver: Resolver<T> = async (values, context, options) => (await load())(values, context, options);
  const preload = () => void load().catch(() => undefined);
  preloadOnFirstUse(preload);
  return Object.assign(resolver, { preload });
}

const waiting = new Set<() => void>();
let listening = false;

/** The first focus or press inside a form loads every lazy schema imported so far (they share zod's chunk). */
function preloadOnFirstUse(preload: () => void): void {
  if (typeof document === "undefined") return;
  waiting.add(preload);
  if (listening) return;
  listening = true;
  const onUse = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest("form")) return;
    for (const load of waiting) load();
    waiting.clear();
  };
  document.addEventListener("focusin", onUse, { passive: true });
  document.addEventListener("pointerdown", onUse, { passive: true });
}
