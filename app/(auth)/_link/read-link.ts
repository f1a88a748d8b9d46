/**
 * The e-mailed link pages (reset password, confirm e-mail) look at their token before showing
 * a form: a token of the wrong shape, or one the procedure refuses, becomes the error that
 * says why the link cannot be used — never a crashed page.
 */
import "server-only";
import { appErrorOf, type AppErrorCode, type AppErrorInfo } from "@/server/errors";

export type LinkState<T> = ({ ok: true } & T) | { ok: false; error: AppErrorInfo };

export async function readLink<T>(
  wellFormed: boolean,
  look: () => Promise<T>,
  invalid: AppErrorCode,
): Promise<LinkState<T>> {
  if (!wellFormed) return { ok: false, error: { code: invalid } };
  try {
    return { ok: true, ...(await look()) };
  } catch (error) {
    return { ok: false, error: appErrorOf(error)?.info ?? { code: invalid } };
  }
}
