"use client";
/**
 * Opens the vendor's chat SDK as the signed-in user's own operator. The token is fetched
 * (chat.session, no-store) only here, handed to ChatPluginPlay.init and never kept in state
 * beyond the query; destroy() runs when leaving the page and before signing out.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { onBeforeSignOut } from "@/components/layout/user-menu";
import { Alert } from "@/components/ui/alert";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

/** The SDK init options that carry the integrator's brand (docs: plugchat-partner-api.md, Browser SDK). */
export interface ChatBranding {
  appName: string;
  appLogo?: string;
  appIcon?: string;
  appPrimaryColor: string;
  floatingButtonColor: string;
  floatingIconColor: string;
  theme: "light" | "dark";
}

interface ChatPluginPlayApi {
  init(
    options: { accountId: string; enableFloatingButton: boolean; operatorAccessToken?: string } & ChatBranding,
  ): void;
  destroy(): void;
}

declare global {
  interface Window {
    ChatPluginPlay?: ChatPluginPlayApi;
  }
}

function loadSdk(src: string): Promise<ChatPluginPlayApi> {
  if (window.ChatPluginPlay) return Promise.resolve(window.ChatPluginPlay);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => (window.ChatPluginPlay ? resolve(window.ChatPluginPlay) : reject(new Error("sdk missing")));
    script.onerror = () => reject(new Error("sdk load failed"));
    document.head.appendChild(script);
  });
}

export function ChatClient({ sdkUrl, branding }: { sdkUrl: string; branding: ChatBranding }) {
  const t = useTranslations("chat");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const session = useQuery({
    ...trpc.chat.session.queryOptions(),
    retry: false,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");

  const accountId = session.data?.accountId;
  const token = session.data?.operatorAccessToken;
  useEffect(() => {
    if (!accountId || !token || !sdkUrl) return;
    let cancelled = false;
    let sdk: ChatPluginPlayApi | undefined;
    const destroy = () => {
      try {
        sdk?.destroy();
      } catch {
        // Already torn down.
      }
      sdk = undefined;
    };
    const unregister = onBeforeSignOut(destroy);
    loadSdk(sdkUrl)
      .then((api) => {
        if (cancelled) return;
        sdk = api;
        api.init({ ...branding, accountId, enableFloatingButton: true, operatorAccessToken: token });
        setStatus("ready");
      })
      .catch(() => !cancelled && setStatus("failed"));
    return () => {
      cancelled = true;
      unregister();
      destroy();
    };
  }, [accountId, token, sdkUrl, branding]);

  if (session.isError) {
    const data = errorDataOf(session.error);
    if (data.appError?.code === "NO_OPERATOR" || data.appError?.code === "ACCOUNT_MISSING") {
      return (
        <Alert tone="info">
          <p>{t("noOperator")}</p>
          <Link href="/onboarding/operators" className="mt-2 inline-block font-semibold text-brand-800 underline">
            {t("toWizard")}
          </Link>
        </Alert>
      );
    }
    return <Alert>{errors.message(data)}</Alert>;
  }
  if (status === "failed" || !sdkUrl) return <Alert>{t("loadFailed")}</Alert>;
  if (status === "ready" && session.data)
    return <Alert tone="info">{t("ready", { name: session.data.operatorName })}</Alert>;
  return <p className="text-sm text-slate-700">{t("loading")}</p>;
}
