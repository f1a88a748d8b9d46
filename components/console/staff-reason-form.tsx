"use client";
/**
 * The console's "why?" form: every staff action on a customer asks for a reason, which goes to
 * the customer's Auditoria. Checks it with the procedure's own rule (ZStaffReason) and says what
 * is wrong next to the field; the caller decides what the reason is for.
 */
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { ZStaffReason } from "@/lib/validation/console";
import { REASON_MAX } from "@/lib/validation/console-choices";

export function StaffReasonForm({
  intro,
  label,
  hint,
  cancelLabel,
  submitLabel,
  danger = false,
  busy,
  onCancel,
  onSubmit,
}: {
  /** What the action will do, above the field. */
  intro?: ReactNode;
  label: string;
  hint: string;
  cancelLabel: string;
  submitLabel: string;
  danger?: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const errors = useErrorMessage();
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = ZStaffReason.safeParse(reason);
    if (!checked.success) {
      setFieldError(errors.field(reason.trim() ? checked.error.issues[0]?.message : "validation.required"));
      return;
    }
    setFieldError(undefined);
    onSubmit(checked.data);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {intro && <p className="text-sm text-slate-700">{intro}</p>}
      <TextField
        label={label}
        hint={hint}
        value={reason}
        maxLength={REASON_MAX}
        error={fieldError}
        onChange={(e) => {
          setReason(e.target.value);
          setFieldError(undefined);
        }}
        required
      />
      <div className="flex flex-wrap justify-end gap-3">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button type="submit" variant={danger ? "danger" : "primary"} busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
