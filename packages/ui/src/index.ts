export { PortalShell, type ShellUser } from "./shell/portal-shell";
export { PlainPage } from "./shell/plain-page";
export { ContextChooserPage, type ChooserContext } from "./pages/context-chooser";
export { NoAccessPage, WrongPortalPage, SignedOutPage, LoginErrorPage } from "./pages/access-pages";
export { AdminOverviewPage, type AdminOverviewData } from "./pages/admin-overview";
export { PORTAL_NAV, PORTAL_LABELS, portalTitle, type NavItem } from "./portals";
export { TRPCReactProvider, useTRPC, describeError } from "./trpc/react";
export { LiveUpdates } from "./trpc/live-updates";
export { DEFAULT_WORKLIST_INPUT } from "./case/worklist/worklist-input";
export { CareStartPage } from "./inbox/start-page";
export { homeCareStart } from "@vardkedjan/domain/case/home-care";
export { OutageModeProvider, useOutageMode, type OutageMode } from "./outage/outage-mode";
export { OutageBanner } from "./outage/outage-banner";
export { CaseOutagePanel } from "./outage/case-outage-panel";
export { OfflinePage } from "./outage/offline-page";
export { GlobalErrorDocument } from "./shell/global-error-document";
export { PaymentAdminPage } from "./payment/admin/payment-admin-page";
// Pages are loaded after they are shown (kit/deferred.tsx); their modules are imported directly where needed.
export {
  WorklistPage,
  HomeCareStartPage,
  InboxPage,
  CaseViewPage,
  ContactListPage,
  AfterRegistrationPage,
  PhoneContactPage,
  DeviationListPage,
  DeviationPage,
} from "./deferred/care";
export { NewCasePage, ReadyOverviewPage } from "./deferred/ward";
export {
  OrganisationPage,
  PeoplePage,
  ContactListAdminPage,
  ContactConfirmPage,
  OutageAdminPage,
  OutageDetailPage,
  RoutineProfilePage,
  AgreementsPage,
  InvoiceBasisPage,
  DeviationStatisticsPage,
  RulesListPage,
  RulePage,
  NewRulePage,
  SimulatorPage,
  LogSearchPage,
  LogFlagsPage,
  LogSamplesPage,
  LogSamplePage,
  LogExtractPage,
  FollowUpReportPage,
} from "./deferred/admin";
export { PrefetchedQueries, ErrorPage } from "./deferred/shared";
