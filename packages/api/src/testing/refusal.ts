import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The refusal a call ends in: its tRPC code and its (Swedish) message. Fails the test if the call succeeds or fails otherwise. */
export async function refusal(p: Promise<unknown>): Promise<{ code: TRPCError["code"]; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").toBeInstanceOf(TRPCError);
  return { code: (e as TRPCError).code, message: (e as TRPCError).message };
}
