/**
 * The refusal of a name another department or operator already has (the one "same name" rule,
 * lib/names.ts): NAME_TAKEN on the name field, naming the kind and the name in the way, so the
 * form can say "Já existe um operador com o nome João Conceição" next to the field.
 */
import { appError, type AppError } from "@/server/errors";

export type NamedKind = "operator" | "department";

export function nameTaken(kind: NamedKind, existingName: string, { onField = true } = {}): AppError {
  return appError("NAME_TAKEN", { ...(onField ? { field: "name" } : {}), params: { kind, name: existingName } });
}
