/** The roles a person can hold in an organization, weakest last (the database enum uses this list). */
export const MEMBER_ROLES = ["owner", "admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Whether the person may change the organization (its team, settings and plan): owners and
 * administrators — never platform staff looking under a support grant, who only read. Pages hide
 * what this refuses; the procedures refuse it anyway.
 */
export function mayChangeOrganization(role: MemberRole, support: boolean): boolean {
  return role !== "member" && !support;
}

/**
 * Customers' phone numbers are masked for members, and for platform staff under support access
 * (people outside the business look: they need the shape of the data, not whom to call).
 */
export function phonesMasked(role: MemberRole, support: boolean): boolean {
  return role === "member" || support;
}
