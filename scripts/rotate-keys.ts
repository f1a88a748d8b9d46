/**
 * `npm run keys:rotate`: re-encrypts operator accessTokens under the first key of
 * ENCRYPTION_KEYS. Rotation: put the new key first ("k2:new,k1:old"), restart the portal,
 * run this (safe to interrupt and rerun), then drop the old key once it reports 0 left.
 */
import { getDb } from "@/server/db/client";
import { keyRing } from "@/server/crypto";
import { rotateOperatorTokens } from "@/server/crypto/rotate-operator-tokens";

const batchSize = Number(process.env.ROTATE_BATCH_SIZE ?? 500);
const handle = await getDb();
const ring = keyRing();
console.log(`re-encrypting operator tokens under key "${ring.current}" in batches of ${batchSize}`);
const report = await rotateOperatorTokens(handle.db, ring, {
  batchSize,
  onBatch: (r) =>
    console.log(
      `batch ${r.batches}: ${r.rotated} re-encrypted, ${r.skipped} changed meanwhile, ${r.undecryptable} undecryptable`,
    ),
});
console.log(
  `done: ${report.rotated} re-encrypted, ${report.skipped} changed meanwhile, ${report.undecryptable} undecryptable`,
);
if (report.undecryptable > 0)
  console.log("some tokens were written with a key that is no longer in ENCRYPTION_KEYS: put it back and rerun");
await handle.close();
process.exit(report.undecryptable > 0 ? 1 : 0);
