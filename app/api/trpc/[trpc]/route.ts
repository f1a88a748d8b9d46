import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createFetchContext } from "@/server/api/context";
import { logger } from "@/server/log";
import { guardTrpcRequest, MAX_BATCH_SIZE } from "@/server/http/request-guard";

async function handler(req: Request): Promise<Response> {
  const refused = guardTrpcRequest(req);
  if (refused) return refused;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) => createFetchContext(req, resHeaders),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ requestId: ctx?.requestId, path, err: error.cause ?? error }, "tRPC procedure failed");
      }
    },
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
  });
  return response;
}

export { handler as GET, handler as POST };
