"use client";
import dynamic from "next/dynamic";
import { gated } from "../kit/deferred";

// Förvaltning's pages, each loaded after the page is shown (see kit/deferred.tsx).
export const OrganisationPage = dynamic(() => import("../admin/org/organisation-page").then((m) => gated(m.OrganisationPage)));
export const PeoplePage = dynamic(() => import("../admin/people/people-page").then((m) => gated(m.PeoplePage)));
export const ContactListAdminPage = dynamic(() => import("../outage/contact-list-admin").then((m) => gated(m.ContactListAdminPage)));
export const ContactConfirmPage = dynamic(() => import("../outage/contact-confirm-page").then((m) => gated(m.ContactConfirmPage)));
export const OutageAdminPage = dynamic(() => import("../outage/outage-admin-page").then((m) => gated(m.OutageAdminPage)));
export const OutageDetailPage = dynamic(() => import("../outage/outage-detail-page").then((m) => gated(m.OutageDetailPage)));
export const RoutineProfilePage = dynamic(() => import("../outage/routine-profile/routine-profile-page").then((m) => gated(m.RoutineProfilePage)));
export const AgreementsPage = dynamic(() => import("../payment/admin/agreements-page").then((m) => gated(m.AgreementsPage)));
export const InvoiceBasisPage = dynamic(() => import("../payment/admin/invoice-basis-page").then((m) => gated(m.InvoiceBasisPage)));
export const DeviationStatisticsPage = dynamic(() => import("../deviation/statistics-page").then((m) => gated(m.DeviationStatisticsPage)));
export const RulesListPage = dynamic(() => import("../admin/rules/rules-list-page").then((m) => gated(m.RulesListPage)));
export const RulePage = dynamic(() => import("../admin/rules/rule-page").then((m) => gated(m.RulePage)));
export const NewRulePage = dynamic(() => import("../admin/rules/new-rule-page").then((m) => gated(m.NewRulePage)));
export const SimulatorPage = dynamic(() => import("../admin/rules/simulator-page").then((m) => gated(m.SimulatorPage)));
export const LogSearchPage = dynamic(() => import("../admin/audit/search-page").then((m) => gated(m.LogSearchPage)));
export const LogFlagsPage = dynamic(() => import("../admin/audit/flags-page").then((m) => gated(m.LogFlagsPage)));
export const LogSamplesPage = dynamic(() => import("../admin/audit/samples-page").then((m) => gated(m.LogSamplesPage)));
export const LogSamplePage = dynamic(() => import("../admin/audit/sample-page").then((m) => gated(m.LogSamplePage)));
export const LogExtractPage = dynamic(() => import("../admin/audit/extract-page").then((m) => gated(m.LogExtractPage)));
export const FollowUpReportPage = dynamic(() => import("../reports/follow-up-page").then((m) => gated(m.FollowUpReportPage)));
