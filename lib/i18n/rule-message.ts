/**
 * A validation rule's message as a message key with its numbers ("validation.tooLong?max=60"): the
 * schema (shared by the browser and the procedure) states its limit once, and the sentence says it
 * ("Use no máximo 60 caracteres."). Zod-free, so pages can read these without loading zod.
 */
export function ruleMessage(key: string, params: Record<string, number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}?${query.toString()}`;
}

/** The key and numbers of a ruleMessage(); a plain key comes back with no params. */
export function parseRuleMessage(message: string): { key: string; params: Record<string, number> } {
  const at = message.indexOf("?");
  if (at < 0) return { key: message, params: {} };
  const params: Record<string, number> = {};
  for (const [name, value] of new URLSearchParams(message.slice(at + 1))) params[name] = Number(value);
  return { key: message.slice(0, at), params };
}

/** The message of a length limit: `z.maxLength(60, tooLong(60))`. */
export const tooLong = (max: number) => ({ error: ruleMessage("validation.tooLong", { max }) });
