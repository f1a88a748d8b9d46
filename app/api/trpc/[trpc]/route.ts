import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createFetchContext } from "@/server/api/context";
import { logProcedureError } from "@/server/api/log-errors";
import { logger } from "@/server/log";
import { guardTrpcRequest, MAX_BATCH_SIZE } from "@/server/http/request-guard";
import { requestTimings } from "@/server/http/server-timing";

async function handler(req: Request): Promise<Response> {
  const refused = guardTrpcRequest(req);
  if (refused) return refused;
  const timings = requestTimings();
  const started = performance.now();
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) => createFetchContext(req, resHeaders, timings),
    onError({ error, path, ctx }) {
      logProcedureError(logger, { error, path, requestId: ctx?.requestId }, "tRPC procedure failed");
    },
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
  });
  if (timings) {
    // The body is serialized (superjson, JSON) by now: total − context − procedure is the framework's share.
    timings.add("total", performance.now() - started);
    response.headers.set("server-timing", timings.header());
  }
  return response;
}

export { handler as GET, handler as POST };
