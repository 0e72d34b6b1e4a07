import { it } from "vitest";
import { createTestDatabase } from "@vardkedjan/db/testing";
import { roleCallers, outcomeOf } from "./testing/procedures";
it("debug", async () => {
  const t = await createTestDatabase({ seeded: true });
  const callers = await roleCallers(t.db);
  const out = await outcomeOf(callers[0]!.caller, "case.list", { search: "a\u0000b" });
  console.log("CODE", out.ok ? "ok" : [out.error.code, out.appCode, out.message]);
  await t.close();
}, 60000);
