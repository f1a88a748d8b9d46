"use client";
import { useActionState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { validatedSubmit } from "./validated-submit";

/**
 * A react-hook-form form posting to a server action (`<form action>`, works before hydration):
 * after a refusal the action's state refills what was typed (`values`) and says why. A field's
 * error is the browser-side check first, else what the server said about that field (its field
 * errors, or an app error naming it); a failure about no field is `generalError`, for above the form.
 *
 *   const { form, formAction, onSubmit, pending, fieldError, generalError } =
 *     useActionForm(signUpFormAction, initial, signUpResolver, (state) => ({ ...state.values, password: "" }));
 *   <form action={formAction} onSubmit={onSubmit} noValidate>…
 */
export function useActionForm<T extends FieldValues, S extends { failure: ServerErrorData | null }>(
  action: (state: S, data: FormData) => Promise<S>,
  initial: S,
  resolver: Resolver<T>,
  values: (state: S) => DefaultValues<T>,
) {
  const errors = useErrorMessage();
  // A server action's state is never a promise: S is its own Awaited<S>.
  const [state, formAction, pending] = useActionState(
    action as (state: Awaited<S>, data: FormData) => Promise<S>,
    initial as Awaited<S>,
  ) as [S, (data: FormData) => void, boolean];
  const form = useForm<T>({
    resolver,
    mode: "onTouched",
    values: values(state) as T,
    resetOptions: { keepDirtyValues: true },
  });
  const { failure } = state;
  const fieldError = (name: Path<T>): string | undefined => {
    const local = form.formState.errors[name]?.message;
    if (typeof local === "string" && local) return errors.field(local);
    const server = failure?.fieldErrors?.[name]?.[0];
    if (server) return errors.field(server);
    if (failure?.appError?.field === name) return errors.message(failure);
    return undefined;
  };
  const generalError =
    failure && !failure.appError?.field && !failure.fieldErrors ? errors.message(failure) : undefined;
  /** A field's props: registered on the form, with its error. */
  const field = (name: Path<T>) => ({ ...form.register(name), error: fieldError(name) });
  const onSubmit = validatedSubmit(form, formAction);
  return { state, form, formAction, pending, onSubmit, field, fieldError, generalError };
}
