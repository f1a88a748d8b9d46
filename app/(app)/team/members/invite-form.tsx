"use client";
/**
 * The invite form, in a dialog: e-mail and role. Loaded lazily by the members page
 * (react-hook-form and the zod schemas stay out of its first download); created, it hands the
 * link back to the page, which shows it to copy.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZInviteInput, type TInviteInput } from "@/lib/validation/team";

export interface CreatedInvitation {
  link: string;
  email: string;
  expiresAt: Date;
}

export default function InviteForm({
  onCreated,
  onCancel,
}: {
  onCreated: (invitation: CreatedInvitation) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("team.invite");
  const tr = useTranslations("team.roles");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const form = useForm<TInviteInput>({
    resolver: zodResolver(ZInviteInput),
    defaultValues: { email: "", role: "member" },
  });
  const invite = useMutation(trpc.invitations.create.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const res = await invite.mutateAsync(values);
      toast.success(t("created", { email: values.email }));
      onCreated({ link: res.link, email: values.email, expiresAt: res.expiresAt });
    } catch (error) {
      const data = errorDataOf(error);
      if (data.appError?.field === "email")
        form.setError("email", { message: errors.message(data) }, { shouldFocus: true });
      else toast.error(errors.message(data));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label={t("email")}
        type="email"
        autoComplete="off"
        error={errors.field(form.formState.errors.email?.message)}
        {...form.register("email")}
      />
      <SelectField label={t("role")} hint={t("roleHelp")} {...form.register("role")}>
        <option value="member">{tr("member")}</option>
        <option value="admin">{tr("admin")}</option>
      </SelectField>
      <div className="flex justify-end gap-3">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" busy={invite.isPending}>
          {invite.isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
