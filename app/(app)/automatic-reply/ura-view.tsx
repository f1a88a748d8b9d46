"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { TextAreaField } from "@/components/ui/text-area-field";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { useTRPC } from "@/lib/trpc/react";
import { offeredDepartments, URA_MESSAGE_MAX } from "@/lib/ura/messages";
import type { TUraInput } from "@/lib/validation/ura";
import { WhatsAppPreview } from "./whatsapp-preview";

const uraResolver = lazyZodResolver<TUraInput>(() => import("@/lib/validation/ura").then((m) => m.ZUraInput));

const FIELDS = ["active", "ignoreGeral", "ignoreGroups", "welcomeMessage", "departmentMessage"] as const;

/**
 * The URA form (every field the chat's call takes) beside its live preview. Members get the same
 * form read-only. Saving sends the whole configuration; the page then reads back what was kept.
 */
export function UraView() {
  const t = useTranslations("ura");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const fieldError = useFieldError();
  const { data } = useSuspenseQuery(trpc.ura.get.queryOptions());
  const form = useForm<TUraInput>({ resolver: uraResolver, values: data.settings });
  const putOnFields = useServerErrors(form, FIELDS);
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const save = useMutation(
    trpc.ura.update.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: async () => {
        toast.success(t("saved"));
        await queryClient.invalidateQueries(trpc.ura.get.queryFilter());
      },
      onError: (err) => {
        const failed = errorDataOf(err);
        if (!putOnFields(failed)) setFailure(failed);
      },
    }),
  );
  const values = useWatch({ control: form.control }) as Partial<TUraInput>;
  const ignoreGeral = values.ignoreGeral ?? data.settings.ignoreGeral;
  const offered = offeredDepartments(data.departments, ignoreGeral);
  const readOnly = !data.canEdit;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const counter = (text: string | undefined) => t("count", { count: (text ?? "").length, max: URA_MESSAGE_MAX });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <Card title={t("settingsTitle")}>
        <p className="mb-4 text-sm text-slate-700" data-testid="ura-saved">
          {!data.saved
            ? t("notSaved")
            : data.saved.byName
              ? t("savedBy", { name: data.saved.byName, when: when(data.saved.at) })
              : t("savedAt", { when: when(data.saved.at) })}
        </p>
        {readOnly && (
          <Alert tone="info" className="mb-4">
            {t("membersRead")}
          </Alert>
        )}
        {failure && <Alert className="mb-4">{errors.message(failure)}</Alert>}
        <form noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
          <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-5">
            <Checkbox
              label={t("active")}
              hint={t("activeHint")}
              error={fieldError(form.formState.errors.active)}
              {...form.register("active")}
            />
            <TextAreaField
              label={t("welcomeMessage")}
              hint={t("messageHint", { max: URA_MESSAGE_MAX })}
              counter={counter(values.welcomeMessage)}
              error={fieldError(form.formState.errors.welcomeMessage)}
              rows={4}
              {...form.register("welcomeMessage")}
            />
            <TextAreaField
              label={t("departmentMessage")}
              hint={t("messageHint", { max: URA_MESSAGE_MAX })}
              counter={counter(values.departmentMessage)}
              error={fieldError(form.formState.errors.departmentMessage)}
              rows={3}
              {...form.register("departmentMessage")}
            />
            <Checkbox
              label={t("ignoreGeral")}
              hint={t("ignoreGeralHint")}
              error={fieldError(form.formState.errors.ignoreGeral)}
              {...form.register("ignoreGeral")}
            />
            <Checkbox
              label={t("ignoreGroups")}
              error={fieldError(form.formState.errors.ignoreGroups)}
              {...form.register("ignoreGroups")}
            />
            <section aria-labelledby="ura-departments" className="flex flex-col gap-2">
              <h3 id="ura-departments" className="text-sm font-medium text-slate-800">
                {t("departmentsTitle")}
              </h3>
              <p className="text-sm text-slate-800" data-testid="ura-offered-count">
                {t("departmentsOffered", { count: offered.length })}
              </p>
              <ul className="flex flex-wrap gap-2" data-testid="ura-departments">
                {data.departments.map((d) => {
                  const left = ignoreGeral && d.isDefault;
                  return (
                    <li key={d.id}>
                      <Badge tone={left ? "neutral" : "success"}>
                        {left ? `${d.name} · ${t("geralLeftOut")}` : d.name}
                      </Badge>
                    </li>
                  );
                })}
              </ul>
              <p className="text-xs text-slate-700">
                {t("departmentsHint")}{" "}
                <Link href="/team/departments" className="font-semibold text-brand-800 underline">
                  {t("departmentsLink")}
                </Link>
              </p>
            </section>
            {!readOnly && (
              <div>
                <Button type="submit" busy={save.isPending}>
                  {save.isPending ? t("saving") : t("save")}
                </Button>
              </div>
            )}
          </fieldset>
        </form>
      </Card>
      <Card title={t("previewTitle")} className="self-start">
        <WhatsAppPreview
          active={values.active ?? data.settings.active}
          welcomeMessage={values.welcomeMessage ?? ""}
          departmentMessage={values.departmentMessage ?? ""}
          departments={offered.map((d) => d.name)}
        />
      </Card>
    </div>
  );
}
