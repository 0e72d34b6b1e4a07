import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../root";
import type { ApiContext } from "../../trpc";
import { AppError, isAppError } from "../../errors";
import { databaseRefusal } from "../../db-errors";
import type { PortalContext } from "../context";
import { logServerError } from "../log";
import { refuseQueryInUrl } from "../requests";

/** Far more calls in one batch than any page makes at once (the client link sets no limit); a longer one is refused. */
export const MAX_BATCH_SIZE = 100;

/**
 * The portal's tRPC endpoint (`/api/trpc`). Every answer is tRPC's JSON with a Swedish message and
 * an application code, malformed bodies and batches included (the error formatter in trpc.ts);
 * a database that cannot be reached while the session is read is "unavailable", not a server error.
 */
export function handleTrpcRequest(req: Request, createContext: () => Promise<ApiContext>): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // Lets the client send queries as POST, so that no input (a searched personnummer) is in a URL.
    allowMethodOverride: true,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      try {
        return await createContext();
      } catch (e) {
        if (isAppError(e)) throw e.toTRPCError();
        const refusal = databaseRefusal(e);
        if (refusal) throw new AppError(refusal, { internal: "database refusal while creating the context" }).toTRPCError();
        throw e;
      }
    },
    onError({ error, path }) {
      // Codes and the procedure only: a database error's message carries the query and its
      // parameters, which may be patient data.
      if (error.code === "INTERNAL_SERVER_ERROR") logServerError(`trpc ${path ?? "?"}`, error);
    },
  });
}

/** POST /api/trpc: the API, with the session of the request and the context the page was rendered with. */
export function trpcRoute(ctx: PortalContext, req: Request): Promise<Response> {
  const refused = refuseQueryInUrl(req);
  if (refused) return Promise.resolve(refused);
  return handleTrpcRequest(req, () => ctx.apiContext(req.headers.get("x-vk-context")));
}
