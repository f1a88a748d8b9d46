"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ImportRowError } from "@/lib/import/operators-csv";

/** A preview error in words: `import.errors.<code>`, with the offending value quoted. */
export function useRowErrorMessage() {
  const t = useTranslations("import.errors");
  return useCallback(
    (e: ImportRowError): string => {
      // A bad value says what the column accepts; a long one its limit (the error's value is the limit then).
      const key = messageKey(e);
      return t(key, { value: e.value ?? "", max: e.value ?? "" });
    },
    [t],
  );
}

function messageKey(e: ImportRowError) {
  if (e.code === "badValue" && e.field === "admin") return "badAdmin";
  if (e.code === "badValue" && e.field === "name") return "badName";
  if (e.code === "badValue" && e.field === "login") return "badLogin";
  if (e.code === "tooLong" && e.field === "departments") return "tooManyDepartments";
  return e.code;
}
