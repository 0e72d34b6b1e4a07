import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { sessionRouter } from "./router/session/router";
import { systemRouter } from "./router/system/router";
import { adminRouter } from "./router/admin/router";
import { caseRouter } from "./router/case/router";
import { outageRouter } from "./router/outage/router";
import { contactsRouter } from "./router/contacts/router";
import { paymentRouter } from "./router/payment/router";
import { deviationRouter } from "./router/deviation/router";
import { reportsRouter } from "./router/reports/router";
import { templatesRouter } from "./router/templates/router";
import { inboxRouter } from "./router/inbox/router";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  system: systemRouter,
  admin: adminRouter,
  case: caseRouter,
  outage: outageRouter,
  contacts: contactsRouter,
  payment: paymentRouter,
  deviation: deviationRouter,
  reports: reportsRouter,
  templates: templatesRouter,
  inbox: inboxRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
