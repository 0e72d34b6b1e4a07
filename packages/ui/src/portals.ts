import type { Portal } from "@vardkedjan/domain/identity/types";
import { PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";

export interface NavItem {
  href: string;
  label: string;
}

/** Navigation per portal. Only pages that exist are listed. */
/** The outage pages of the care portals: the telephone log, after-registration and the contact list. */
const CARE_OUTAGE_NAV: NavItem[] = [
  { href: "/telefonkontakt", label: "Logga telefonkontakt" },
  { href: "/efterregistrering", label: "Efterregistrering" },
  { href: "/kontaktlista", label: "Kontaktlista" },
];

export const PORTAL_NAV: Record<Portal, NavItem[]> = {
  slutenvard: [{ href: "/", label: "Min arbetsyta" }, { href: "/ny-samordning", label: "Ny samordning" }, ...CARE_OUTAGE_NAV],
  primarvard: [{ href: "/", label: "Min arbetsyta" }, ...CARE_OUTAGE_NAV],
  kommun: [{ href: "/", label: "Min arbetsyta" }, ...CARE_OUTAGE_NAV],
  forvaltning: [
    { href: "/", label: "Översikt" },
    { href: "/driftstorningar", label: "Driftstörningar" },
    { href: "/rutin", label: "Reservrutin" },
    { href: "/kontaktlista", label: "Kontaktlista" },
    { href: "/rapporter", label: "Uppföljning" },
  ],
};

export function portalTitle(portal: Portal): string {
  return `Vårdkedjan · ${PORTAL_LABELS[portal]}`;
}

export { PORTAL_LABELS };
