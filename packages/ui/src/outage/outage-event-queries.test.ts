import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@vardkedjan/api";
import { DEFAULT_WORKLIST_INPUT } from "../case/worklist/worklist-input";
import { applyOutageEvent } from "./outage-event-queries";

const ID = "00000000-0000-4000-8000-000000000001";

/** A page's cache with the query keys exactly as the pages' tRPC hooks make them. */
function page() {
  const queryClient = new QueryClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient });
  const keys = {
    banner: trpc.outage.current.queryKey(),
    outageDetail: trpc.outage.get.queryKey({ outageId: ID }),
    guidance: trpc.outage.callGuidance.queryKey({ caseId: ID }),
    afterRegistration: trpc.outage.afterRegistration.queryKey(),
    worklist: trpc.case.list.queryKey(DEFAULT_WORKLIST_INPUT),
    casePage: trpc.case.get.queryKey({ caseId: ID }),
    calls: trpc.outage.phoneContacts.queryKey({ caseId: ID }),
    contactList: trpc.contacts.list.queryKey(),
  };
  // What the answers hold does not matter here, only which are replaced or marked for refetching.
  for (const key of Object.values(keys)) queryClient.setQueryData(key as readonly unknown[], []);
  const invalidated = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key as readonly unknown[])?.isInvalidated)
      .map(([name]) => name);
  return { queryClient, keys, invalidated };
}

describe("what an open page does when an outage event arrives", () => {
  it("takes the outage state the event carries, refetches only the outage pages' views, never the worklist, a case, its calls or the contact list", async () => {
    const { queryClient, keys, invalidated } = page();
    const outage = { id: ID, system: "journalsystem", systemDetail: null, scope: "region", message: null, regionName: "Region Sörmland" };
    await applyOutageEvent(queryClient, { current: [{ ...outage, startedAt: "2026-03-02T08:00:00.000Z", expectedEndAt: null }] });
    expect(queryClient.getQueryData(keys.banner)).toEqual([{ ...outage, startedAt: new Date("2026-03-02T08:00:00.000Z"), expectedEndAt: null }]);
    expect(invalidated()).toEqual(["outageDetail", "guidance", "afterRegistration"]);
  });

  it("asks for the outage state itself when the event carries none (a reconnect)", async () => {
    const { queryClient, invalidated } = page();
    await applyOutageEvent(queryClient);
    expect(invalidated()).toEqual(["banner", "outageDetail", "guidance", "afterRegistration"]);
  });
});
