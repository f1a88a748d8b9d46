/** Every vitest worker: its own data folder and fixed test secrets (never the developer's). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "portal-test-"));
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-0123456789abcdef012345";
process.env.ENCRYPTION_KEYS ??= "test1:dGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY=";
