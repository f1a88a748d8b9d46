"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ImportRowError } from "@/lib/import/operators-csv";

/** A preview error in words: `import.errors.<code>`, with the offending value quoted. */
export function useRowErrorMessage() {
  const t = useTranslations("import.errors");
  return useCallback(
    (e: ImportRowError): string => {
      // An admin cell says which values work; other bad values just quote what was typed.
      const key = e.code === "badValue" && e.field === "admin" ? "badAdmin" : e.code;
      return t(key, { value: e.value ?? "", max: e.value ?? "" });
    },
    [t],
  );
}
