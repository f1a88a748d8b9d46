/**
 * Two-factor for test members: enrol a TestMember through the real procedures, then hand out
 * codes their authenticator app would show. Each code is for a later time step than the last
 * one handed out (the portal never accepts a step twice), within the ±1 step the portal allows.
 */
import { generateSync } from "otplib";
import { currentTimeStep, TOTP_PERIOD_SECONDS } from "@/server/auth/two-factor";
import type { Db } from "@/server/db/client";
import { callerFor, type TestMember } from "./context";

export interface EnrolledTwoFactor {
  /** The base32 secret (what the authenticator app holds). */
  secret: string;
  /** The 10 recovery codes shown at enrolment, as shown (xxxxx-xxxxx). */
  recoveryCodes: string[];
  /** A code for a time step not used yet (throws if three were already used this half-minute). */
  nextCode(): string;
  /** The same, waiting for the next half-minute when this one's three codes are used. */
  waitForCode(): Promise<string>;
  /** The code of a given time step (e.g. to replay one). */
  codeAt(step: number): string;
}

export function totpCode(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * TOTP_PERIOD_SECONDS });
}

/** A code generator over `secret`, handing out steps from the window's oldest upwards. */
export function codeSource(secret: string): Pick<EnrolledTwoFactor, "nextCode" | "waitForCode" | "codeAt"> {
  let last = Number.NEGATIVE_INFINITY;
  const nextCode = () => {
    const now = currentTimeStep();
    const step = Math.max(last + 1, now - 1);
    if (step > now + 1) throw new Error("three codes used in this half-minute already: wait for the next step");
    last = step;
    return totpCode(secret, step);
  };
  return {
    codeAt: (step) => totpCode(secret, step),
    nextCode,
    async waitForCode() {
      while (Math.max(last + 1, currentTimeStep() - 1) > currentTimeStep() + 1) {
        const msToNextStep = (currentTimeStep() + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now();
        await new Promise((resolve) => setTimeout(resolve, msToNextStep + 50));
      }
      return nextCode();
    },
  };
}

/**
 * Turns two-factor on for `member` (beginEnrolment + confirmEnrolment with a right code) and
 * marks their test session as two-factor, as resolveSession would on the next request.
 */
export async function enrolTwoFactor(db: Db, member: TestMember): Promise<EnrolledTwoFactor> {
  const caller = callerFor({ db, member });
  const { manualKey } = await caller.twoFactor.beginEnrolment();
  const secret = manualKey.replace(/\s/g, "");
  const codes = codeSource(secret);
  const { recoveryCodes } = await caller.twoFactor.confirmEnrolment({ code: codes.nextCode() });
  member.session = { ...member.session, twoFactorEnabled: true };
  return { secret, recoveryCodes, ...codes };
}
