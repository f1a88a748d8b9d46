"use client";
/** The owner's switch: owners and admins of the organization must use two-factor sign-in. */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

export function TwoFactorRequirementToggle({ required, ownEnabled }: { required: boolean; ownEnabled: boolean }) {
  const t = useTranslations("twoFactor.organization");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const hintId = useId();
  const [checked, setChecked] = useState(required);
  const [failure, setFailure] = useState<string | null>(null);
  const set = useMutation(trpc.twoFactor.setOrganizationRequirement.mutationOptions());
  // Turning it on needs the owner's own two-factor; turning it off is always possible.
  const locked = !ownEnabled && !checked;

  const onChange = async (next: boolean) => {
    setFailure(null);
    setChecked(next);
    try {
      await set.mutateAsync({ required: next });
      toast.success(next ? t("turnedOn") : t("turnedOff"));
      router.refresh();
    } catch (error) {
      setChecked(!next);
      setFailure(errors.message(errorDataOf(error)));
    }
  };

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-5">
      <h3 className="font-semibold text-slate-900">{t("title")}</h3>
      {failure && <Alert>{failure}</Alert>}
      <label className="flex items-start gap-3 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          aria-describedby={hintId}
          checked={checked}
          disabled={locked || set.isPending}
          onChange={(e) => void onChange(e.target.checked)}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
        />
        <span>{t("toggle")}</span>
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        {locked ? t("needsOwn") : t("hint")}
      </p>
    </div>
  );
}
