/**
 * State every copy of a server module must share. Next bundles a module once per entry
 * (instrumentation, route handlers, pages, server actions), and each copy has module-level
 * variables of its own; what must be one per process is made by the first copy that asks and kept
 * on globalThis under `name`, where every other copy finds it.
 */
export function processWide<T>(name: string, create: () => T): T {
  const slots = globalThis as unknown as Record<string, T | undefined>;
  return (slots[name] ??= create());
}
