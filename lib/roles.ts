/** The roles a person can hold in an organization, weakest last (the database enum uses this list). */
export const MEMBER_ROLES = ["owner", "admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
