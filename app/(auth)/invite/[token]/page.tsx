import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/lib/trpc/server";
import { ZInvitationToken } from "@/lib/validation/team";
import { appErrorOf } from "@/server/errors";
import { currentSession } from "@/server/auth/current";
import { AcceptSignedInForm, JoinForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.accept"))("metaTitle") };
}

async function loadPreview(token: string) {
  if (!ZInvitationToken.safeParse(token).success)
    return { ok: false as const, code: "INVITATION_INVALID", params: undefined };
  try {
    return { ok: true as const, preview: await (await serverCaller()).invitations.preview({ token }) };
  } catch (error) {
    const info = appErrorOf(error)?.info;
    return { ok: false as const, code: info?.code ?? "INTERNAL", params: info?.params };
  }
}

/** The page an invitation link opens: join with a new account, or accept with the signed-in one. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tr, te] = await Promise.all([
    getTranslations("team.accept"),
    getTranslations("team.roles"),
    getTranslations("errors"),
  ]);
  const result = await loadPreview(token);
  if (!result.ok) {
    const code = result.code === "INTERNAL" ? "INVITATION_INVALID" : result.code;
    return (
      <Card>
        <h1 className="text-2xl font-bold text-slate-900">{t("invalidTitle")}</h1>
        <Alert className="mt-4">
          {te.has(code as never)
            ? te(code as "RATE_LIMITED", result.params as { minutes: number })
            : te("INVITATION_INVALID")}
        </Alert>
        <Link href="/sign-in" className="mt-6 inline-block font-semibold text-brand-700 hover:underline">
          {t("goToSignIn")}
        </Link>
      </Card>
    );
  }
  const { preview } = result;
  const session = await currentSession();
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title", { company: preview.organizationName })}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("subtitle", { company: preview.organizationName, role: tr(preview.role).toLowerCase() })}
      </p>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("invitedEmail", { email: preview.email })}</p>
      {session ? (
        session.email.toLowerCase() === preview.email ? (
          <>
            <p className="mb-4 text-sm text-slate-700">{t("signedInAs", { email: session.email })}</p>
            <AcceptSignedInForm token={token} />
          </>
        ) : (
          <Alert tone="warning">{t("wrongAccount", { invited: preview.email, current: session.email })}</Alert>
        )
      ) : preview.accountExists ? (
        <div className="flex flex-col gap-4">
          <Alert tone="info">{t("accountExists", { email: preview.email })}</Alert>
          <Link
            href={signInHref}
            className="inline-flex justify-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("signIn")}
          </Link>
        </div>
      ) : (
        <JoinForm token={token} />
      )}
    </Card>
  );
}
