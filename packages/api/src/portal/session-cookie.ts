/** How long a decoded cookie is trusted without decoding it again. */
const KEEP_MS = 60_000;
/** Far above the people signed in to one portal process at once; a bound only against growth. */
const MAX_KEPT = 10_000;

const kept = new Map<string, { loginSessionId: string; until: number }>();

/**
 * The login-session id the portal's session cookie carries. Auth.js decrypts and verifies the
 * cookie (an encrypted JWT) and writes a renewed one on every call, which cost a page of the
 * worklist more CPU than reading its rows; the id a cookie value carries never changes, so it is
 * kept per exact value for a minute. What decides whether the session still counts is the
 * `login_sessions` row, which every request reads afresh (a logout or an ended session takes
 * effect at once), and its fixed expiry, so keeping the decoded id changes nothing there.
 */
export async function loginSessionIdOf(
  cookieValue: string | undefined,
  decode: () => Promise<string | null>,
  now: number = Date.now(),
): Promise<string | null> {
  if (cookieValue) {
    const k = kept.get(cookieValue);
    if (k && k.until > now) return k.loginSessionId;
  }
  const loginSessionId = await decode();
  if (cookieValue && loginSessionId) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(cookieValue, { loginSessionId, until: now + KEEP_MS });
  }
  return loginSessionId;
}
