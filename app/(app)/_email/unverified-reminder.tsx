"use client";
/** A thin reminder under the header while the account's e-mail is not confirmed. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

export function UnverifiedReminder({ email }: { email: string }) {
  const t = useTranslations("email.reminder");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const [said, setSaid] = useState<string | null>(null);
  const resend = useMutation(
    trpc.verification.resend.mutationOptions({
      onSuccess: () => setSaid(t("sent")),
      onError: (err) => setSaid(errors.message(errorDataOf(err))),
    }),
  );
  return (
    <div role="status" className="border-b border-warning-700/20 bg-warning-50 text-sm text-warning-700">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
        <span>{t("text", { email })}</span>
        {said ? (
          <span className="font-medium">{said}</span>
        ) : (
          <button
            type="button"
            className="font-semibold underline disabled:opacity-60"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            {t("action")}
          </button>
        )}
      </div>
    </div>
  );
}
