import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import { PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";
import { can, type Action } from "@vardkedjan/domain/access/actions";

export interface NavItem {
  href: string;
  label: string;
  /** The action the page needs; the menu leaves the page out for a role without it. */
  action?: Action;
}

/** Navigation per portal. Only pages that exist are listed. */
/** The outage pages of the care portals: the telephone log, after-registration and the contact list. */
const CARE_OUTAGE_NAV: NavItem[] = [
  { href: "/telefonkontakt", label: "Logga telefonkontakt", action: "outage.logPhoneContact" },
  { href: "/efterregistrering", label: "Efterregistrering", action: "afterRegistration.register" },
  { href: "/kontaktlista", label: "Kontaktlista", action: "contactList.read" },
];

/** Inkorg: the unit's unacknowledged messages, in every care portal. */
const INBOX: NavItem = { href: "/inkorg", label: "Inkorg", action: "case.read" };

/** Deviations in the cooperation: the care portals list them, Förvaltning counts them. */
const DEVIATIONS: NavItem = { href: "/avvikelser", label: "Avvikelser", action: "deviation.report" };

export const PORTAL_NAV: Record<Portal, NavItem[]> = {
  slutenvard: [
    { href: "/", label: "Min arbetsyta" },
    INBOX,
    { href: "/ny-samordning", label: "Ny samordning", action: "case.create" },
    { href: "/utskrivningsklara", label: "Utskrivningsklara nu", action: "case.read" },
    ...CARE_OUTAGE_NAV,
    DEVIATIONS,
  ],
  primarvard: [{ href: "/", label: "Min arbetsyta" }, INBOX, ...CARE_OUTAGE_NAV, DEVIATIONS],
  kommun: [{ href: "/", label: "Min arbetsyta" }, INBOX, ...CARE_OUTAGE_NAV, DEVIATIONS],
  forvaltning: [
    { href: "/", label: "Översikt" },
    { href: "/organisation", label: "Organisation", action: "org.readUnits" },
    { href: "/personal", label: "Personal", action: "org.readUnits" },
    { href: "/behorighetsregler", label: "Behörighetsregler", action: "rules.manage" },
    { href: "/testa-inloggning", label: "Testa inloggning", action: "rules.manage" },
    { href: "/loggkontroll", label: "Loggkontroll", action: "audit.read" },
    { ...DEVIATIONS, action: "deviation.readStatistics" },
    { href: "/driftstorningar", label: "Driftstörningar", action: "outage.read" },
    { href: "/rutin", label: "Reservrutin", action: "outage.manageRoutine" },
    { href: "/kontaktlista", label: "Kontaktlista", action: "contactList.read" },
    { href: "/rapporter", label: "Uppföljning", action: "reports.read" },
    { href: "/betalningsansvar", label: "Betalningsansvar", action: "invoice.read" },
  ],
};

/** The portal's menu as the active role sees it: only the pages it may use. */
export function navFor(portal: Portal, role: Role | undefined): NavItem[] {
  return PORTAL_NAV[portal].filter((item) => !item.action || (role !== undefined && can(role, item.action)));
}

export function portalTitle(portal: Portal): string {
  return `Vårdkedjan · ${PORTAL_LABELS[portal]}`;
}

export { PORTAL_LABELS };
