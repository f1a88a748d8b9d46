/** The roles a person can hold in an organization, weakest last (the database enum uses this list). */
export const MEMBER_ROLES = ["owner", "admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Owners and administrators manage the team; members only read it. */
export function managesTeam(role: MemberRole): boolean {
  return role !== "member";
}

/**
 * Who is looking at an organization: their role there, and — for platform staff under a support
 * grant — the grant (the organization scope and orgProcedure's context both have this shape).
 */
export interface Viewer {
  membership: { role: MemberRole };
  support?: unknown;
}

/**
 * Whether the person may change the organization (its team, settings and plan): owners and
 * administrators — never platform staff looking under a support grant, who only read. Pages hide
 * what this refuses; the procedures refuse it anyway.
 */
export function mayChangeOrganization({ membership, support }: Viewer): boolean {
  return managesTeam(membership.role) && !support;
}

/**
 * Customers' phone numbers are masked for members, and for platform staff under support access
 * (people outside the business look: they need the shape of the data, not whom to call).
 */
export function phonesMasked({ membership, support }: Viewer): boolean {
  return !managesTeam(membership.role) || Boolean(support);
}
