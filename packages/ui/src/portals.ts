import type { Portal } from "@vardkedjan/domain/identity/types";
import { PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";

export interface NavItem {
  href: string;
  label: string;
}

/** Navigation per portal. Only pages that exist are listed. */
export const PORTAL_NAV: Record<Portal, NavItem[]> = {
  slutenvard: [
    { href: "/", label: "Min arbetsyta" },
    { href: "/ny-samordning", label: "Ny samordning" },
  ],
  primarvard: [{ href: "/", label: "Min arbetsyta" }],
  kommun: [{ href: "/", label: "Min arbetsyta" }],
  forvaltning: [{ href: "/", label: "Översikt" }],
};

export function portalTitle(portal: Portal): string {
  return `Vårdkedjan · ${PORTAL_LABELS[portal]}`;
}

export { PORTAL_LABELS };
