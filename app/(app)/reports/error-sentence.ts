/** A refusal met while rendering the report, as a sentence from the `errors` messages (the client's useErrorMessage, on the server). */
import "server-only";
import { getTranslations } from "next-intl/server";
import { appErrorOf } from "@/server/errors";

export interface Failure {
  code: string;
  params: Record<string, string | number>;
}

/** The failure's app code and params; anything that is not ours is INTERNAL. */
export function failureOf(error: unknown): Failure {
  const info = appErrorOf(error)?.info;
  return info ? { code: info.code, params: info.params ?? {} } : { code: "INTERNAL", params: {} };
}

export async function errorSentence(failure: Failure): Promise<string> {
  const t = await getTranslations("errors");
  const params = { requestId: "—", reason: "", minutes: 1, kind: "other", name: "", ...failure.params };
  if (t.has(failure.code as never)) return t(failure.code as never, params as never);
  return t("INTERNAL", { requestId: "—" });
}
