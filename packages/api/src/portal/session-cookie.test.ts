import { describe, expect, it, vi } from "vitest";
import { loginSessionIdOf } from "./session-cookie";

describe("loginSessionIdOf", () => {
  it("decodes a cookie value once and keeps its login session id for a minute", async () => {
    const decode = vi.fn(async () => "sid-1");
    const t0 = 1_000_000;
    expect(await loginSessionIdOf("cookie-a", decode, t0)).toBe("sid-1");
    expect(await loginSessionIdOf("cookie-a", decode, t0 + 59_000)).toBe("sid-1");
    expect(decode).toHaveBeenCalledTimes(1);
    expect(await loginSessionIdOf("cookie-a", decode, t0 + 61_000)).toBe("sid-1");
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing for a cookie that carries no session, nor without a cookie", async () => {
    const none = vi.fn(async () => null);
    expect(await loginSessionIdOf("cookie-bad", none, 1)).toBeNull();
    expect(await loginSessionIdOf("cookie-bad", none, 2)).toBeNull();
    expect(none).toHaveBeenCalledTimes(2);
    const other = vi.fn(async () => "sid-2");
    await loginSessionIdOf(undefined, other, 3);
    await loginSessionIdOf(undefined, other, 4);
    expect(other).toHaveBeenCalledTimes(2);
  });

  it("tells two cookie values apart", async () => {
    expect(await loginSessionIdOf("cookie-x", async () => "sid-x", 5)).toBe("sid-x");
    expect(await loginSessionIdOf("cookie-y", async () => "sid-y", 5)).toBe("sid-y");
    expect(await loginSessionIdOf("cookie-x", async () => "wrong", 6)).toBe("sid-x");
  });
});
