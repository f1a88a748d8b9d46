"use client";
/**
 * Configuração da plataforma's form: the schema is the procedure's (lib/validation/platform-settings,
 * loaded on first use); the colour's contrast and the logo's type are checked as they are chosen,
 * with the same rules (lib/branding), so a refusal is said before anything is sent.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FileField } from "@/components/ui/file-field";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { checkPrimaryColor, DEFAULT_PRIMARY_COLOR, normalizeHex, roundRatioDown } from "@/lib/branding/color";
import { base64FromBytes, checkLogo, LOGO_MAX_BYTES, logoProblemMessage } from "@/lib/branding/logo";
import { useErrorMessage } from "@/lib/errors/messages";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { ruleMessage } from "@/lib/i18n/rule-message";
import { useTRPC } from "@/lib/trpc/react";
import type { TPlatformSettingsInput } from "@/lib/validation/platform-settings";

const settingsResolver = lazyZodResolver<TPlatformSettingsInput>(() =>
  import("@/lib/validation/platform-settings").then((m) => m.ZPlatformSettingsInput),
);

const FIELDS = ["productName", "logo", "primaryColor", "supportEmail", "pricePerSeat", "reason"] as const;

export interface SavedSettings {
  productName: string | null;
  primaryColor: string | null;
  supportEmail: string | null;
  pricePerSeatCents: number | null;
  logo: { path: string; type: string; bytes: number } | null;
}

/** Centavos as the field shows them: "49,90" in Portuguese, "49.90" in English (the schema takes both). */
function priceText(cents: number | null, locale: string): string {
  if (cents === null) return "";
  const text = (cents / 100).toFixed(2);
  return locale.startsWith("pt") ? text.replace(".", ",") : text;
}

export function SettingsForm({
  saved,
  defaultProductName,
  defaultPrice,
}: {
  saved: SavedSettings;
  /** What an empty product name means (PORTAL_PRODUCT_NAME, else the portal's own name). */
  defaultProductName: string;
  /** PLAN_PRICE_PER_SEAT formatted, or null when the price is otherwise agreed with the provider. */
  defaultPrice: string | null;
}) {
  const t = useTranslations("admin.settings");
  const locale = useLocale();
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.console.settings.update.mutationOptions());
  const form = useForm<TPlatformSettingsInput>({
    resolver: settingsResolver,
    mode: "onTouched",
    defaultValues: {
      productName: saved.productName ?? "",
      primaryColor: saved.primaryColor ?? "",
      supportEmail: saved.supportEmail ?? "",
      pricePerSeat: priceText(saved.pricePerSeatCents, locale),
      logo: { kind: "keep" },
      reason: "",
    },
  });
  const fieldError = useServerFormFieldError(form);
  const logo = useWatch({ control: form.control, name: "logo" });
  const color = useWatch({ control: form.control, name: "primaryColor" });
  const hex = normalizeHex(color ?? "");
  const contrast = hex ? checkPrimaryColor(hex) : null;

  /** The chosen file, shown before it is saved (a blob: URL, released when replaced). */
  const [preview, setPreview] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function chooseLogo(event: React.ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (message: string) => {
      form.setError("logo", { message });
      form.setValue("logo", { kind: "keep" });
      setPreview(null);
      input.value = "";
    };
    if (file.size > LOGO_MAX_BYTES) return refuse(logoProblemMessage("tooLarge"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkLogo(bytes);
    if (!check.ok) return refuse(logoProblemMessage(check.problem));
    form.clearErrors("logo");
    form.setValue("logo", { kind: "upload", data: base64FromBytes(bytes) }, { shouldDirty: true });
    setPreview(URL.createObjectURL(new Blob([bytes], { type: check.type })));
  }

  const logoError = errors.field(
    form.formState.errors.logo?.message ??
      (form.formState.errors.logo as { data?: { message?: string } } | undefined)?.data?.message,
  );
  const shownLogo = logo.kind === "upload" ? preview : logo.kind === "keep" ? (saved.logo?.path ?? null) : null;
  const contrastMessage =
    contrast &&
    (contrast.passes
      ? t("contrastOk", { ratio: roundRatioDown(contrast.withWhiteText) })
      : errors.field(
          contrast.withWhiteText < 4.5
            ? ruleMessage("validation.colorContrastWhite", { ratio: roundRatioDown(contrast.withWhiteText) })
            : ruleMessage("validation.colorContrastTint", { ratio: roundRatioDown(contrast.onLightTint) }),
        ));

  return (
    <ServerForm
      form={form}
      fields={FIELDS}
      onSubmit={async (values) => {
        const result = await update.mutateAsync(values);
        toast.success(result.changed.length > 0 ? t("saved") : t("unchanged"));
        form.reset({ ...values, logo: { kind: "keep" }, reason: "" });
        setPreview(null);
        if (fileInput.current) fileInput.current.value = "";
        // The header, the colours and the history come from the server: render them again.
        router.refresh();
      }}
      submitLabel={t("submit")}
      busyLabel={t("submitting")}
    >
      <Card title={t("brandSection")} as="section">
        <div className="flex flex-col gap-5">
          <TextField
            label={t("productName")}
            hint={t("productNameHint", { name: defaultProductName })}
            placeholder={defaultProductName}
            error={fieldError("productName")}
            {...form.register("productName")}
          />

          <div className="flex flex-col gap-3" data-testid="logo-field">
            <FileField
              label={t("logo")}
              hint={t("logoHint")}
              accept="image/png,image/jpeg,image/svg+xml"
              error={logoError}
              ref={fileInput}
              onChange={(event) => void chooseLogo(event)}
            />
            <div className="flex min-h-14 flex-wrap items-center gap-3">
              {shownLogo ? (
                // A blob: preview or the logo route: next/image has nothing to add here.
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={shownLogo}
                  alt={logo.kind === "upload" ? t("logoNew") : t("logoCurrent")}
                  className="h-12 w-auto max-w-48 rounded border border-slate-200 bg-white object-contain p-1"
                />
              ) : (
                <p className="text-sm text-slate-700">
                  {logo.kind === "remove" ? t("logoWillBeRemoved") : t("logoNone")}
                </p>
              )}
              {logo.kind === "upload" && <p className="text-sm text-slate-700">{t("logoNew")}</p>}
              {saved.logo && logo.kind === "keep" && (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => form.setValue("logo", { kind: "remove" }, { shouldDirty: true })}
                >
                  {t("logoRemove")}
                </Button>
              )}
              {logo.kind !== "keep" && (
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => {
                    form.setValue("logo", { kind: "keep" });
                    form.clearErrors("logo");
                    setPreview(null);
                    if (fileInput.current) fileInput.current.value = "";
                  }}
                >
                  {t("logoUndo")}
                </Button>
              )}
            </div>
          </div>

          <div className="flex flex-col gap-2">
            <TextField
              label={t("primaryColor")}
              hint={t("primaryColorHint")}
              placeholder={DEFAULT_PRIMARY_COLOR}
              autoComplete="off"
              spellCheck={false}
              error={fieldError("primaryColor")}
              trailing={
                <input
                  type="color"
                  aria-label={t("colorPicker")}
                  value={hex ?? DEFAULT_PRIMARY_COLOR}
                  onChange={(event) =>
                    form.setValue("primaryColor", event.target.value, { shouldDirty: true, shouldValidate: true })
                  }
                  className="mr-1 h-8 w-12 cursor-pointer rounded border border-slate-300 bg-white p-0.5"
                />
              }
              {...form.register("primaryColor")}
            />
            {contrastMessage && (
              <p
                className={contrast.passes ? "text-sm text-slate-700" : "text-sm font-medium text-danger-700"}
                aria-live="polite"
                data-testid="contrast-check"
              >
                {contrastMessage}
              </p>
            )}
            {hex && contrast?.passes && (
              <div className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 p-3">
                <span className="text-sm text-slate-600">{t("preview")}</span>
                <span
                  className="rounded-lg px-4 py-2.5 text-sm font-semibold text-white"
                  style={{ backgroundColor: hex }}
                  aria-hidden
                >
                  {t("previewButton")}
                </span>
                <span className="text-sm font-semibold underline" style={{ color: hex }} aria-hidden>
                  {t("previewLink")}
                </span>
              </div>
            )}
          </div>
        </div>
      </Card>

      <Card title={t("contactSection")} as="section">
        <div className="flex flex-col gap-5">
          <TextField
            label={t("supportEmail")}
            hint={t("supportEmailHint")}
            type="email"
            autoComplete="off"
            error={fieldError("supportEmail")}
            {...form.register("supportEmail")}
          />
          <TextField
            className="max-w-xs"
            label={t("pricePerSeat")}
            hint={defaultPrice === null ? t("pricePerSeatHintAgreed") : t("pricePerSeatHint", { price: defaultPrice })}
            inputMode="decimal"
            autoComplete="off"
            error={fieldError("pricePerSeat")}
            {...form.register("pricePerSeat")}
          />
        </div>
      </Card>

      <TextField
        label={t("reason")}
        hint={t("reasonHint")}
        autoComplete="off"
        error={fieldError("reason")}
        {...form.register("reason")}
      />
    </ServerForm>
  );
}
