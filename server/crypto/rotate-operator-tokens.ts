/**
 * Key rotation for operator accessTokens: after a new key is put first in ENCRYPTION_KEYS
 * (the old one kept after it), re-encrypts every token still written with another key.
 *
 * Resumable by construction: each batch commits on its own, and a row is selected only while
 * its ciphertext names an old key, so a rerun after a crash picks up exactly what is left.
 * Each row is updated only if its ciphertext is still the one we read (a token refreshed
 * meanwhile is already under the current key and is not overwritten). A token that no key
 * in the ring can decrypt is counted and left as it is; the run goes on past it.
 */
import { and, asc, eq, gt, isNotNull, not, like } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { operators } from "@/server/db/schema";
import { operatorAad } from "./aad";
import { decryptSecret, DecryptionError, encryptSecret, type KeyRing } from "./tokens";

export interface RotationReport {
  rotated: number;
  /** Rows changed by someone else between our read and our write (already re-encrypted). */
  skipped: number;
  /** Rows no key of the ring can decrypt (their key was removed too early). */
  undecryptable: number;
  batches: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Stops after this many batches (a rerun continues). */
  maxBatches?: number;
  onBatch?: (report: RotationReport) => void;
}

export async function rotateOperatorTokens(
  db: Db,
  ring: KeyRing,
  options: RotationOptions = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  const report: RotationReport = { rotated: 0, skipped: 0, undecryptable: 0, batches: 0 };
  const currentPrefix = `v1.${ring.current}.%`;
  let afterId: string | null = null;
  while (options.maxBatches === undefined || report.batches < options.maxBatches) {
    const rows: Array<{ id: string; ciphertext: string | null }> = await db
      .select({ id: operators.id, ciphertext: operators.accessTokenCiphertext })
      .from(operators)
      .where(
        and(
          isNotNull(operators.accessTokenCiphertext),
          not(like(operators.accessTokenCiphertext, currentPrefix)),
          afterId ? gt(operators.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(operators.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const old = row.ciphertext!;
      let plaintext: string;
      try {
        plaintext = decryptSecret(ring, old, operatorAad(row.id));
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        report.undecryptable++;
        continue;
      }
      const updated = await db
        .update(operators)
        .set({ accessTokenCiphertext: encryptSecret(ring, plaintext, operatorAad(row.id)) })
        .where(and(eq(operators.id, row.id), eq(operators.accessTokenCiphertext, old)))
        .returning({ id: operators.id });
      if (updated.length) report.rotated++;
      else report.skipped++;
    }
    afterId = rows[rows.length - 1]!.id;
    report.batches++;
    options.onBatch?.({ ...report });
  }
  return report;
}
