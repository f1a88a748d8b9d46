"use client";
import { startTransition } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * A form that posts to a server action and works before hydration (`<form action>`); once
 * hydrated, its submit first runs the zod schema in the browser, then posts the same
 * FormData to the action.
 */
export function validatedSubmit<T extends FieldValues>(form: UseFormReturn<T>, formAction: (data: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formElement)));
    })(event);
  };
}
