"use client";
/**
 * A button that copies `text` to the clipboard and says so in a polite live region next to it
 * ("Copiado"), so a screen reader hears it without losing its place.
 */
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children"> {
  text: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
}

export function CopyButton({
  text,
  label,
  copiedLabel,
  failedLabel,
  variant = "secondary",
  ...props
}: CopyButtonProps) {
  // What was said, about which text: a new text (a new code) is not "Copiado" yet.
  const [said, setSaid] = useState<{ text: string; outcome: "" | "copied" | "failed" }>({ text, outcome: "" });
  const outcome = said.text === text ? said.outcome : "";
  useEffect(() => {
    if (outcome !== "copied") return;
    const id = setTimeout(() => setSaid({ text, outcome: "" }), 4000);
    return () => clearTimeout(id);
  }, [outcome, text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid({ text, outcome: "copied" });
    } catch {
      setSaid({ text, outcome: "failed" });
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <Button type="button" variant={variant} onClick={() => void copy()} {...props}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm font-medium text-slate-700">
        {outcome === "copied" ? copiedLabel : outcome === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}
