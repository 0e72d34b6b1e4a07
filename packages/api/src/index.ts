export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { AppError, isAppError, APP_ERROR_CODES, type AppErrorCode } from "./errors";
export type { Actor } from "./actor";
export type { SessionView } from "./services/identity/session";
export type { ApiContext } from "./trpc";
export type { StoredRoleContext } from "@vardkedjan/db/schema";
