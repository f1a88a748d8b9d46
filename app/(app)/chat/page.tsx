import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { DEFAULT_PRIMARY_COLOR } from "@/lib/branding/color";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { env } from "@/server/config/env";
import { productName } from "@/server/config/product-name";
import { publicOrigin, requestOrigin } from "@/server/http/public-origin";
import { getPlatformSettings } from "@/server/platform/settings";
import { ChatClient, type ChatBranding } from "./chat-client";

/** The emulator's SDK in development; production must configure PLUGCHAT_SDK_URL. */
const DEV_SDK_URL = "http://127.0.0.1:4010/sdk/index.js";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat"))("title") };
}

/** The integrator's brand for the SDK's init: the chat looks like their product (absolute logo URL: the SDK runs it elsewhere too). */
async function chatBranding(): Promise<ChatBranding> {
  const [settings, name, requestHeaders] = await Promise.all([getPlatformSettings(), productName(), headers()]);
  const logo = settings.logo && `${publicOrigin(requestOrigin(requestHeaders))}${settings.logo.path}`;
  const color = settings.primaryColor ?? DEFAULT_PRIMARY_COLOR;
  return {
    appName: name,
    ...(logo && { appLogo: logo, appIcon: logo }),
    appPrimaryColor: color,
    floatingButtonColor: color,
    // The saved colour passes AA with white text (lib/branding/color.ts).
    floatingIconColor: "#ffffff",
    theme: "light",
  };
}

export default async function ChatPage() {
  const t = await getTranslations("chat");
  const session = await currentSession();
  const scope = session ? await currentOrgScope(session.userId) : null;
  if (scope?.support) {
    // Support access never opens the chat: chat.session refuses it too (SUPPORT_NO_SECRETS).
    return (
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} />
        <Card>{(await getTranslations("support"))("chatRefused")}</Card>
      </section>
    );
  }
  const { capabilities } = await (await serverCaller()).provider.capabilities();
  if (!capabilities.chatSdk) {
    return (
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} />
        <Card>{t("noSdk")}</Card>
      </section>
    );
  }
  const sdkUrl =
    process.env.PLUGCHAT_SDK_URL || env.PLUGCHAT_SDK_URL || (env.NODE_ENV === "production" ? "" : DEV_SDK_URL);
  return (
    <section className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <ChatClient sdkUrl={sdkUrl} branding={await chatBranding()} />
    </section>
  );
}
