/**
 * tRPC checks a zod schema with its `parseAsync`, and zod runs an object's compiled check only in
 * a synchronous parse: the asynchronous one walks every field and awaits it. The operators page's
 * answer (25 rows) took ~50 µs to check that way and ~5 µs synchronously.
 *
 * So the procedure builders hand tRPC each input and output schema as a child of itself whose
 * `parseAsync` parses synchronously, and falls back to the asynchronous parse only when the schema
 * needs it (zod throws $ZodAsyncError on meeting a promise). The errors are the same ZodErrors, and
 * the child is still the schema for anything that reads one (its shape, its types).
 */
import { $ZodAsyncError } from "zod/v4/core";

interface ZodLike {
  parse(value: unknown): unknown;
  parseAsync(value: unknown): Promise<unknown>;
}

function isZodLike(schema: unknown): schema is ZodLike {
  const s = schema as Partial<ZodLike> | null;
  return typeof s === "object" && s !== null && typeof s.parse === "function" && typeof s.parseAsync === "function";
}

/** `schema`, checked synchronously when it can be. Anything that is not a zod schema is left as it is. */
export function parsedSynchronously<S>(schema: S): S {
  if (!isZodLike(schema)) return schema;
  const fast = Object.create(schema) as ZodLike;
  fast.parseAsync = async (value) => {
    try {
      return schema.parse(value);
    } catch (error) {
      if (error instanceof $ZodAsyncError) return schema.parseAsync(value);
      throw error;
    }
  };
  return fast as S;
}

/** The chaining methods of a tRPC procedure builder (each returns a new builder). */
interface Builder {
  input(schema: unknown): Builder;
  output(schema: unknown): Builder;
  meta(meta: unknown): Builder;
  use(middleware: unknown): Builder;
  concat(builder: unknown): Builder;
  unstable_concat(builder: unknown): Builder;
}

/**
 * `builder`, and every builder chained from it, with its `.input()` and `.output()` schemas
 * parsed synchronously. A chaining method tRPC adds later returns a plain builder: its procedures
 * still validate, only through the slower asynchronous parse.
 */
export function withSyncValidation<B>(builder: B): B {
  const b = builder as unknown as Builder;
  const chained: Builder = {
    ...b,
    input: (schema) => withSyncValidation(b.input(parsedSynchronously(schema))),
    output: (schema) => withSyncValidation(b.output(parsedSynchronously(schema))),
    meta: (meta) => withSyncValidation(b.meta(meta)),
    use: (middleware) => withSyncValidation(b.use(middleware)),
    concat: (other) => withSyncValidation(b.concat(other)),
    unstable_concat: (other) => withSyncValidation(b.unstable_concat(other)),
  };
  return chained as unknown as B;
}
