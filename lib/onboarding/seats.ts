/** Seats a subscription may have: the vendor's minimum and our upper bound (zod-free: the plan step imports it). */
export const MIN_SEATS = 2;
export const MAX_SEATS = 500;
