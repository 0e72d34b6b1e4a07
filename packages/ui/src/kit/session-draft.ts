/**
 * Drafts of open forms in sessionStorage (this tab only, cleared when it closes), so that a
 * reload after an expired session or a context switched in another tab loses nothing typed. The
 * one place that touches sessionStorage; a full or disabled storage only loses the safety net.
 */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** A stored text as it was written; null when there is none. */
export function loadSessionText(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}

/** Stores a text, or removes it (null). */
export function saveSessionText(key: string, text: string | null): void {
  try {
    if (text === null) storage()?.removeItem(key);
    else storage()?.setItem(key, text);
  } catch {
    // A full or disabled storage only loses the safety net.
  }
}

/** A stored draft, if it is one (`isValid`); null when absent, unreadable or of another shape. */
export function loadSessionDraft<T extends object>(key: string, isValid: (v: unknown) => v is T): T | null {
  const raw = loadSessionText(key);
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return isValid(v) ? v : null;
  } catch {
    return null;
  }
}

export function saveSessionDraft(key: string, value: unknown): void {
  saveSessionText(key, JSON.stringify(value));
}

export function clearSessionDraft(key: string): void {
  saveSessionText(key, null);
}
