/**
 * Server Components' tRPC: an options proxy over a direct caller (no HTTP round trip to
 * our own /api/trpc), plus a HydrateClient that hands prefetched queries to the browser.
 */
import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createServerContext } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);
const getContext = cache(createServerContext);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/**
 * Direct calls from Server Components when the data is not needed in the browser cache.
 * A session that ended (signed out elsewhere, password reset) goes to sign in, as the
 * layout does, instead of failing the page render with an error.
 */
export const serverCaller = cache(async () =>
  createCaller(await getContext(), {
    onError({ error }) {
      if (error.code === "UNAUTHORIZED") redirect("/sign-in");
    },
  }),
);

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
