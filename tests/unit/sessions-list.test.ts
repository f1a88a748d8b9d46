/**
 * The "Sessões ativas" cards as the server renders them, in both languages: device summary,
 * address, dates in the user's locale, the current-session badge, and buttons whose
 * accessible names start with their visible text.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { SessionsList } from "@/app/(app)/account/sessions-list";
import { TRPCProvider } from "@/lib/trpc/react";
import { messages } from "@/messages";
import type { AppRouter } from "@/server/api/root";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

const NOW = new Date("2025-03-10T15:00:00Z");
const rows = [
  {
    id: "a",
    browser: "Chrome 131",
    system: "Windows",
    ip: "203.0.113.10",
    createdAt: new Date("2025-03-03T17:02:00Z"),
    lastSeenAt: NOW,
    current: true,
  },
  {
    id: "b",
    browser: "Safari",
    system: "iPhone",
    ip: "198.51.100.20",
    createdAt: new Date("2025-03-01T12:00:00Z"),
    lastSeenAt: new Date("2025-03-10T12:00:00Z"),
    current: false,
  },
  {
    id: "c",
    browser: null,
    system: null,
    ip: null,
    createdAt: new Date("2025-02-28T12:00:00Z"),
    lastSeenAt: new Date("2025-03-09T12:00:00Z"),
    current: false,
  },
];

function render(locale: "pt-BR" | "en", data: typeof rows): string {
  const queryClient = new QueryClient();
  // Never called: the list is already in the cache, as after the server's prefetch.
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })],
  });
  const proxy = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(proxy.sessions.list.queryKey(), data);
  return renderToString(
    createElement(
      NextIntlClientProvider,
      // The children go in createElement's third argument; the props type wants them named too.
      { locale, messages: messages[locale], timeZone: "America/Sao_Paulo", now: NOW } as ComponentProps<
        typeof NextIntlClientProvider
      >,
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(
          TRPCProvider,
          { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>,
          createElement(SessionsList),
        ),
      ),
    ),
  ).replace(/<!-- -->/g, "");
}

describe("the active sessions list", () => {
  it("in Portuguese", () => {
    const html = render("pt-BR", rows);
    expect(html).toContain("Chrome 131 · Windows");
    expect(html).toContain("Esta sessão");
    expect(html).toContain("Endereço de rede: 203.0.113.10");
    expect(html).toContain("Entrou em 3 de março de 2025");
    expect(html).toContain("Ativa agora");
    expect(html).toContain("Última atividade há 3 horas");
    expect(html).toContain("Navegador desconhecido");
    expect(html).toContain("Endereço de rede desconhecido");
    expect(html).toContain('aria-label="Sair desta sessão"');
    expect(html).toContain('aria-label="Encerrar a sessão Safari · iPhone, Endereço de rede: 198.51.100.20"');
    expect(html).toContain(">Encerrar todas as outras sessões<");
    expect(html.match(/<li /g)).toHaveLength(3);
  });

  it("in English", () => {
    const html = render("en", rows);
    expect(html).toContain("This session");
    expect(html).toContain("Signed in on March 3, 2025");
    expect(html).toContain("Last active 3 hours ago");
    expect(html).toContain("Last active 1 day ago");
    expect(html).toContain('aria-label="End the session Unknown browser, Unknown network address"');
    expect(html).toContain(">End all other sessions<");
  });

  it("only this session: no button to end the others", () => {
    const html = render("pt-BR", rows.slice(0, 1));
    expect(html).not.toContain("Encerrar todas as outras sessões");
    expect(html).toContain("Nenhuma outra sessão aberta.");
  });
});
