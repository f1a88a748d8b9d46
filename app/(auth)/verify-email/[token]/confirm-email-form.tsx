"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/errors/messages";
import { confirmEmailAction, type ConfirmEmailState } from "./actions";

const initial: ConfirmEmailState = { failure: null };

/** One button that posts the token. Works before hydration too (a plain form post through the procedure). */
export function ConfirmEmailForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("email.verifyPage");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(confirmEmailAction, initial);
  const code = state.failure?.appError?.code;
  const message = !state.failure
    ? undefined
    : code === "EMAIL_TAKEN"
      ? t("taken", { email })
      : errors.message(state.failure);

  return (
    <form action={formAction} className="flex flex-col gap-4">
      {message && (
        <Alert>
          {message}
          {code && code !== "RATE_LIMITED" && (
            <Link href="/sign-in" className="ml-1 font-semibold underline">
              {t("signIn")}
            </Link>
          )}
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" busy={pending} className="w-full">
        {pending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}
