/**
 * Drafts of the outage forms in sessionStorage (this tab only, cleared when it closes), so that a
 * reload after an expired session or a context switched in another tab loses nothing typed.
 */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadSessionDraft<T extends object>(key: string, isValid: (v: unknown) => v is T): T | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return isValid(v) ? v : null;
  } catch {
    return null;
  }
}

export function saveSessionDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only loses the safety net.
  }
}

export function clearSessionDraft(key: string): void {
  storage()?.removeItem(key);
}
