/**
 * The URA's messages as the customer reads them on WhatsApp: the one variable the chat fills in
 * (`{senderName}`), the starting text, and which departments the choice offers. Zod-free: the
 * page's live preview and the form schema both read it.
 */

/** The only variable the chat replaces in a URA message: the customer's WhatsApp name. */
export const SENDER_NAME = "{senderName}";

/** The longest message the form takes (each of the two). */
export const URA_MESSAGE_MAX = 1000;

/** The name the preview fills in for `{senderName}`. */
export const PREVIEW_SENDER_NAME = "Maria";

/**
 * The starting text (the vendor's docs give no example): Portuguese whatever the portal's language,
 * because it is what the company's customers receive on WhatsApp; gender-neutral on purpose.
 */
export const DEFAULT_URA: Readonly<{
  active: boolean;
  ignoreGeral: boolean;
  ignoreGroups: boolean;
  welcomeMessage: string;
  departmentMessage: string;
}> = {
  active: false,
  ignoreGeral: false,
  ignoreGroups: true,
  welcomeMessage:
    "Olá, {senderName}! Obrigado por falar com a gente. Em instantes alguém da nossa equipe vai responder por aqui.",
  departmentMessage: "Para agilizar, responda com o número do assunto que você procura:",
};

/** The message with `{senderName}` filled in. */
export function fillSenderName(message: string, name: string = PREVIEW_SENDER_NAME): string {
  return message.split(SENDER_NAME).join(name);
}

/** Variables in braces other than `{senderName}` (the chat would send them as typed). */
export function unknownVariables(message: string): string[] {
  const found = new Set<string>();
  for (const match of message.matchAll(/\{([^{}\n]*)\}/g)) if (match[0] !== SENDER_NAME) found.add(match[0]);
  return [...found];
}

/** The departments the choice offers: the active ones, without "Geral" when it is left out. */
export function offeredDepartments<D extends { isDefault: boolean; active: boolean }>(
  departments: readonly D[],
  ignoreGeral: boolean,
): D[] {
  return departments.filter((d) => d.active && !(ignoreGeral && d.isDefault));
}

/** The department message as a customer would see it: the text, then one numbered line per department. */
export function departmentMenu(message: string, names: readonly string[], senderName: string = PREVIEW_SENDER_NAME) {
  const lines = names.map((name, i) => `${i + 1}. ${name}`);
  return [fillSenderName(message, senderName), ...lines].join("\n");
}
