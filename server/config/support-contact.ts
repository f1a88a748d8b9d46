/**
 * The integrator's support contact, shown to a suspended customer's people. Read per call, like
 * PORTAL_PRODUCT_NAME: one build serves any brand.
 *
 * Seam for the platform settings (Configuração da plataforma, issue 16's branding work): when
 * they carry a support e-mail, read it here first and keep SUPPORT_EMAIL as the fallback.
 */
import "server-only";
import { z } from "zod";

const ZEmail = z.email();

export async function supportEmail(): Promise<string | null> {
  const fromEnv = process.env.SUPPORT_EMAIL?.trim();
  return fromEnv && ZEmail.safeParse(fromEnv).success ? fromEnv : null;
}
