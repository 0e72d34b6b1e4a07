"use client";
import { useRef, useState } from "react";
import { callError, type CallError } from "./call-error";

/**
 * A form's failed call: the error to show in its ErrorNotice, and `fail` for a mutation's onError,
 * which moves focus to the notice so that a screen reader says what went wrong.
 */
export function useCallFailure() {
  const [failure, setFailure] = useState<CallError | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const fail = (error: unknown) => {
    setFailure(callError(error));
    requestAnimationFrame(() => failureRef.current?.focus());
  };
  return { failure, setFailure, failureRef, fail };
}
