import type { OrgNode, OrgNodeKind } from "./types";

/**
 * Our admin-maintained mirror of the relevant part of the HSA tree:
 * region → sjukhus → vårdavdelning; kommun → biståndsenhet / hemsjukvård / hemtjänstgrupp;
 * vårdcentral. Organisations are roots. Lookups walk parent links, so every query is O(depth);
 * depths and children are computed once.
 */
export interface OrgTree {
  get(hsaId: string): OrgNode | undefined;
  has(hsaId: string): boolean;
  /** Inclusive: a node is under itself. False when either node is unknown. */
  isUnder(hsaId: string, ancestorHsaId: string): boolean;
  /** Proper ancestors, nearest first (parent, grandparent, …, root). Empty for a root or unknown id. */
  ancestors(hsaId: string): OrgNode[];
  /** Proper descendants, depth-first in insertion order. */
  descendants(hsaId: string): OrgNode[];
  children(hsaId: string): OrgNode[];
  /** The closest ancestor-or-self whose kind is one of `kinds`. */
  nearest(hsaId: string, kinds: readonly OrgNodeKind[]): OrgNode | undefined;
  /** The organisation (root) a node belongs to; the node itself when it is a root. */
  rootOf(hsaId: string): OrgNode | undefined;
  nodes(): OrgNode[];
}

export class OrgTreeError extends Error {
  override readonly name = "OrgTreeError";
}

/**
 * Build a tree. Throws `OrgTreeError` on duplicate HSA-ids or parent cycles (data bugs that
 * must not reach access decisions). A node whose parent is unknown is treated as a root, so
 * it falls outside every other organisation: the safe direction for access checks.
 */
export function createOrgTree(input: readonly OrgNode[]): OrgTree {
  const byId = new Map<string, OrgNode>();
  for (const node of input) {
    if (byId.has(node.hsaId)) throw new OrgTreeError(`Dubblett i organisationsträdet: ${node.hsaId}`);
    byId.set(node.hsaId, node);
  }

  const parentOf = (node: OrgNode): OrgNode | undefined => (node.parentHsaId === null ? undefined : byId.get(node.parentHsaId));

  const childrenById = new Map<string, OrgNode[]>();
  for (const node of input) {
    const parent = parentOf(node);
    if (!parent) continue;
    const list = childrenById.get(parent.hsaId) ?? [];
    list.push(node);
    childrenById.set(parent.hsaId, list);
  }

  // Reject cycles up front so the walks below always terminate.
  for (const node of input) {
    const seen = new Set<string>([node.hsaId]);
    for (let p = parentOf(node); p; p = parentOf(p)) {
      if (seen.has(p.hsaId)) throw new OrgTreeError(`Cykel i organisationsträdet vid ${p.hsaId}`);
      seen.add(p.hsaId);
    }
  }

  function* selfAndUp(hsaId: string): Generator<OrgNode> {
    for (let n = byId.get(hsaId); n; n = parentOf(n)) yield n;
  }

  return {
    get: (hsaId) => byId.get(hsaId),
    has: (hsaId) => byId.has(hsaId),
    isUnder(hsaId, ancestorHsaId) {
      if (!byId.has(ancestorHsaId)) return false;
      for (const n of selfAndUp(hsaId)) if (n.hsaId === ancestorHsaId) return true;
      return false;
    },
    ancestors(hsaId) {
      return [...selfAndUp(hsaId)].slice(1);
    },
    descendants(hsaId) {
      const out: OrgNode[] = [];
      const visit = (id: string): void => {
        for (const child of childrenById.get(id) ?? []) {
          out.push(child);
          visit(child.hsaId);
        }
      };
      visit(hsaId);
      return out;
    },
    children: (hsaId) => [...(childrenById.get(hsaId) ?? [])],
    nearest(hsaId, kinds) {
      for (const n of selfAndUp(hsaId)) if (kinds.includes(n.kind)) return n;
      return undefined;
    },
    rootOf(hsaId) {
      let last: OrgNode | undefined;
      for (const n of selfAndUp(hsaId)) last = n;
      return last;
    },
    nodes: () => [...input],
  };
}
