/** One QueryClient factory for the browser and for Server Components (dehydrate/hydrate with superjson). */
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";
import { isRefusal } from "./refusal";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A fault is tried once more; a refusal (signed out, not allowed, invalid) would only be refused again.
      queries: { staleTime: 30_000, retry: (failures, error) => failures < 1 && !isRefusal(error) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
