"use client";
import dynamic from "next/dynamic";
import { gated } from "../kit/deferred";

// The care portals' pages, each loaded after the page is shown (see kit/deferred.tsx): the
// server's HTML holds their content, so nothing waits for these scripts to be seen.
export const WorklistPage = dynamic(() => import("../case/worklist/worklist-page").then((m) => gated(m.WorklistPage)));
export const HomeCareStartPage = dynamic(() => import("../inbox/home-care-start-page").then((m) => gated(m.HomeCareStartPage)));
export const InboxPage = dynamic(() => import("../inbox/inbox-page").then((m) => gated(m.InboxPage)));
export const CaseViewPage = dynamic(() => import("../case/view/case-page").then((m) => gated(m.CaseViewPage)));
export const ContactListPage = dynamic(() => import("../outage/contact-list-page").then((m) => gated(m.ContactListPage)));
export const AfterRegistrationPage = dynamic(() => import("../outage/after-registration/after-registration-page").then((m) => gated(m.AfterRegistrationPage)));
export const PhoneContactPage = dynamic(() => import("../outage/phone-contact/phone-contact-page").then((m) => gated(m.PhoneContactPage)));
export const DeviationListPage = dynamic(() => import("../deviation/list-page").then((m) => gated(m.DeviationListPage)));
export const DeviationPage = dynamic(() => import("../deviation/deviation-page").then((m) => gated(m.DeviationPage)));
