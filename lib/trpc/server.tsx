/**
 * Server Components' tRPC: an options proxy over a direct caller (no HTTP round trip to
 * our own /api/trpc), plus a HydrateClient that hands prefetched queries to the browser.
 */
import "server-only";
import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { createServerContext } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);
const getContext = cache(createServerContext);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/**
 * A refusal met while rendering becomes what the layouts answer with: a session that ended
 * (signed out elsewhere, password reset) goes to sign in, a member on an admin page gets "Sem
 * acesso" (403). Layouts and pages render side by side, so a page's query can be refused while
 * its layout redirects; thrown as is, the refusal would be a render error that Next logs with
 * its stack.
 */
export function interruptOnRefusal(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "UNAUTHORIZED") redirect("/sign-in");
  if (code === "FORBIDDEN") forbidden();
}

/** Direct calls from Server Components when the data is not needed in the browser cache. */
export const serverCaller = cache(async () =>
  createCaller(await getContext(), {
    onError({ error }) {
      interruptOnRefusal(error);
    },
  }),
);

/** `fetchQuery` for data a page needs to render (hydrated into the browser cache), refusals interrupted as above. */
export const fetchForPage: QueryClient["fetchQuery"] = async (options) => {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (error) {
    interruptOnRefusal(error);
    throw error;
  }
};

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
