/**
 * Roles → what a signed-in person may do, in one place (pure). A grant is on the whole network (cluster null) or on
 * one cluster, valid between two dates. A network admin does everything in her network; an organizer works with
 * the members of her clusters (all clusters, if granted network-wide); an advocate sees aggregates only — never a
 * member row.
 */
import type { Role } from "../members/enums";

export interface Grant {
  id: string;
  role: Role;
  cluster_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface Principal {
  user_id: string;
  network_id: string;
  /** Grants valid today (see `activeGrants`). */
  grants: Grant[];
}

/** The grants in force on `date` (a grant with no end date runs until withdrawn). */
export function activeGrants<G extends Pick<Grant, "valid_from" | "valid_to">>(grants: readonly G[], date: string): G[] {
  return grants.filter((g) => g.valid_from <= date && (g.valid_to === null || date <= g.valid_to));
}

export const isAdmin = (p: Principal) => p.grants.some((g) => g.role === "network_admin");

/** Which members she may see: all of the network's, those of some clusters, or none. */
export type MemberScope = { network_id: string; clusters: "all" | string[] } | null;

export function memberScope(p: Principal): MemberScope {
  if (isAdmin(p)) return { network_id: p.network_id, clusters: "all" };
  const organizer = p.grants.filter((g) => g.role === "organizer");
  if (!organizer.length) return null;
  if (organizer.some((g) => g.cluster_id === null)) return { network_id: p.network_id, clusters: "all" };
  return { network_id: p.network_id, clusters: [...new Set(organizer.map((g) => g.cluster_id!))] };
}

/** Whether the scope reaches a member in this network and cluster. */
export function reaches(scope: MemberScope, network_id: string, cluster_id: string): boolean {
  return !!scope && scope.network_id === network_id && (scope.clusters === "all" || scope.clusters.includes(cluster_id));
}

export type Capability =
  /** Users, invitations, role grants. */
  | "manage_users"
  /** The network's audit log. */
  | "read_audit"
  /** Member rows: list, read, create, change, erase (within the member scope). */
  | "members"
  /** Aggregates (what advocates see). */
  | "aggregates";

export function can(p: Principal, capability: Capability): boolean {
  switch (capability) {
    case "manage_users":
    case "read_audit":
      return isAdmin(p);
    case "members":
      return memberScope(p) !== null;
    case "aggregates":
      return p.grants.length > 0;
  }
}

/**
 * Whose figures she may see in aggregate: the whole network for an admin or any grant on the whole network; else
 * the clusters of her grants (an advocate or organizer of some clusters). Null without a grant.
 */
export function aggregateScope(p: Principal): { network_id: string; clusters: "all" | string[] } | null {
  if (!p.grants.length) return null;
  if (isAdmin(p) || p.grants.some((g) => g.cluster_id === null)) return { network_id: p.network_id, clusters: "all" };
  return { network_id: p.network_id, clusters: [...new Set(p.grants.map((g) => g.cluster_id!))] };
}

/** Her most powerful role, for display. */
export function mainRole(p: Principal): Role | null {
  for (const r of ["network_admin", "organizer", "advocate"] as const) if (p.grants.some((g) => g.role === r)) return r;
  return null;
}
