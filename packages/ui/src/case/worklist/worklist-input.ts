import type { RouterInputs } from "@vardkedjan/api";

export type WorklistQueryInput = RouterInputs["case"]["list"];

/**
 * The worklist's first page as every user first sees it: the active context's open cases, what
 * is due first. A server page that renders the list ahead of the client asks with exactly this
 * input, so the client finds the page in its cache.
 */
export const DEFAULT_WORKLIST_INPUT = {
  scope: "sammanhang",
  sort: "frist",
  direction: "asc",
  stage: null,
  search: null,
  unitId: null,
  municipalityCode: null,
  includeClosed: false,
  cursor: null,
  pageSize: 50,
} as const satisfies WorklistQueryInput;
