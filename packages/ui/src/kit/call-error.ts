import { TRPCClientError } from "@trpc/client";
import { describeError } from "../trpc/react";

export interface FieldError {
  /** Dotted path, e.g. "interventions.0.what". */
  path: string;
  message: string;
}

export interface CallError {
  message: string;
  appCode: string | null;
  fieldErrors: FieldError[];
}

/** The Swedish message, our error code and any field errors of a failed API call. */
export function callError(error: unknown): CallError {
  const { message, appCode } = describeError(error);
  const data = error instanceof TRPCClientError ? (error.data as { fieldErrors?: FieldError[] } | undefined) : undefined;
  return {
    message,
    appCode,
    fieldErrors: Array.isArray(data?.fieldErrors) ? data.fieldErrors : [],
  };
}

/** The session is gone (or has no context yet): the person must log in again. */
export function isLoginProblem(e: CallError): boolean {
  return e.appCode === "UNAUTHENTICATED" || e.appCode === "NO_ACTIVE_CONTEXT";
}
