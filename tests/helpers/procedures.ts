/** The app router's procedures, enumerated, and a way to call one by its dotted path. */
import { appRouter } from "@/server/api/root";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}

export const procedureDefs = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** Every procedure path, optionally of one type, sorted. */
export function procedurePaths(type?: ProcedureDef["_def"]["type"]): string[] {
  return Object.keys(procedureDefs)
    .filter((path) => !type || procedureDefs[path]!._def.type === type)
    .sort();
}

type AnyCaller = Record<string, unknown>;

/** `caller.a.b` for the path "a.b", typed loosely on purpose: inputs are whatever the test throws at it. */
export function procedureAt(caller: object, path: string): (input?: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
}
