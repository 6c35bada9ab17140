import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Runs before anything reads lib/env.ts (which caches): uploads and captured mail go to throwaway folders.
process.env.UPLOAD_DIR ??= mkdtempSync(path.join(tmpdir(), "baton-uploads-"));
process.env.MAIL_CAPTURE_DIR ??= mkdtempSync(path.join(tmpdir(), "baton-mail-"));
// The CRM webhook tests sign their deliveries with this secret.
process.env.CRM_WEBHOOK_SECRET ??= "integration-test-webhook-secret";
