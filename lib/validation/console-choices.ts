/** Acesso de suporte's bounds and the durations offered (plain constants: the browser imports them without zod). */
export const SUPPORT_HOURS_MIN = 1;
export const SUPPORT_HOURS_MAX = 72;
export const SUPPORT_HOURS_CHOICES = [1, 4, 24, 72] as const;

/** The longest reason staff may give for an action (the schema in console.ts and the fields' maxLength). */
export const REASON_MAX = 300;
