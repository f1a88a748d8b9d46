"use client";
import { useTranslations } from "next-intl";
import { forwardRef, useState } from "react";
import { TextField, type TextFieldProps } from "./text-field";

/** A password input with a show/hide toggle. */
export const PasswordField = forwardRef<HTMLInputElement, Omit<TextFieldProps, "type" | "trailing">>(
  function PasswordField(props, ref) {
    const t = useTranslations("auth");
    const [visible, setVisible] = useState(false);
    return (
      <TextField
        ref={ref}
        {...props}
        type={visible ? "text" : "password"}
        trailing={
          <button
            type="button"
            onClick={() => setVisible((v) => !v)}
            aria-pressed={visible}
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
          >
            {visible ? t("hidePassword") : t("showPassword")}
          </button>
        }
      />
    );
  },
);
