export { PortalShell, type ShellUser } from "./shell/portal-shell";
export { PlainPage } from "./shell/plain-page";
export { ContextChooserPage, type ChooserContext } from "./pages/context-chooser";
export { NoAccessPage, WrongPortalPage, SignedOutPage, LoginErrorPage } from "./pages/access-pages";
export { WorkspacePage, type WorkspaceData } from "./pages/workspace";
export { AdminOverviewPage, type AdminOverviewData } from "./pages/admin-overview";
export { PORTAL_NAV, PORTAL_LABELS, portalTitle, type NavItem } from "./portals";
