/** Why a subscription is cancelled: the form's choices (zod-free: the page and the database schema read it). */
export const CANCEL_REASONS = ["price", "notUsing", "missingFeatures", "otherService", "closing", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** The longest optional note that goes with the reason. */
export const CANCEL_NOTE_MAX = 500;
