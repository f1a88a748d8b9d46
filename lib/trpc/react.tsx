"use client";
/**
 * The browser's tRPC client (TanStack React Query integration). The organization the
 * page was rendered for travels in a header, so a tab keeps acting for its organization
 * even if another tab switches.
 */
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";
import { isFaultAnswer } from "./refusal";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/** Must match MAX_BATCH_SIZE of the server's request guard. */
const MAX_ITEMS_PER_BATCH = 10;

export function TRPCReactProvider({
  children,
  organizationId,
}: {
  children: React.ReactNode;
  organizationId?: string;
}) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && isFaultAnswer(op) }),
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          maxItems: MAX_ITEMS_PER_BATCH,
          headers: () => (organizationId ? { "x-organization-id": organizationId } : {}),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
