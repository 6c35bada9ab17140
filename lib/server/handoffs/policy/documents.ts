import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { DocumentKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/documents/download-name";
import type { ActingUser } from "@/lib/server/authz";
import { assertOwningAe, findVisibleHandoff, visibleHandoffs } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { completePolicyStep } from "@/lib/server/handoffs/policy/complete-step";

export const CLOSED_WON_TAG = "Closed Won Assets";
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const REQUIRED_DOCUMENTS = [DocumentKind.SIGNED_CONTRACT, DocumentKind.SOW, DocumentKind.VALUE_PROJECTION] as const;

// Checked by content, never by the name or the browser's word: PDF, Word and Excel (OOXML) only.
const ALLOWED = new Map([
  ["pdf", "application/pdf"],
  ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
]);

export const uploadDocumentInput = z.object({
  handoffId: z.string().min(1),
  kind: z.enum(REQUIRED_DOCUMENTS, "Choose what the document is"),
  fileName: z.string().trim().min(1, "Choose a file").max(255),
});

/**
 * Step 3 of the 72-hour rule: the signed contract, the SOW and the value projection, uploaded to the
 * account and tagged "Closed Won Assets". Stored outside public/ under a random key; the step is done
 * once all three are there.
 */
export async function uploadHandoffDocument(
  actor: ActingUser,
  input: z.infer<typeof uploadDocumentInput>,
  content: Buffer,
  now = new Date(),
): Promise<{ documentId: string }> {
  const parsed = uploadDocumentInput.parse(input);
  if (content.byteLength === 0) throw new AppError("VALIDATION", "The file is empty.", { file: ["The file is empty"] });
  if (content.byteLength > MAX_DOCUMENT_BYTES) {
    throw new AppError("VALIDATION", "The file is larger than 20 MB.", { file: ["The file is larger than 20 MB"] });
  }
  const detected = await fileTypeFromBuffer(content);
  const mimeType = detected ? ALLOWED.get(detected.ext) : undefined;
  if (!mimeType) {
    throw new AppError("VALIDATION", "Only PDF, Word (.docx) and Excel (.xlsx) files are accepted; this file's content is neither.", {
      file: ["Only PDF, DOCX or XLSX files"],
    });
  }

  const access = await findVisibleHandoff(actor, parsed.handoffId);
  assertOwningAe(actor, access);
  const storageKey = `${now.getUTCFullYear()}/${randomUUID()}`;
  const absolute = storagePath(storageKey);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content, { mode: 0o600 });

  try {
    return await prisma.$transaction(async (tx) => {
      await lockHandoff(tx, access.id);
      const document = await tx.document.create({
        data: {
          accountId: access.accountId,
          dealId: access.dealId,
          handoffId: access.id,
          kind: parsed.kind,
          tags: [CLOSED_WON_TAG],
          originalName: displayName(parsed.fileName) || "document",
          storageKey,
          mimeType,
          sizeBytes: content.byteLength,
          sha256: createHash("sha256").update(content).digest("hex"),
          uploadedById: actor.id,
        },
        select: { id: true },
      });
      const kinds = await tx.document.findMany({
        where: { handoffId: access.id, tags: { has: CLOSED_WON_TAG } },
        distinct: ["kind"],
        select: { kind: true },
      });
      const have = new Set(kinds.map((row) => row.kind));
      if (REQUIRED_DOCUMENTS.every((kind) => have.has(kind))) {
        await completePolicyStep(tx, { handoffId: access.id, step: "DOCUMENTATION_TRANSFER", actorId: actor.id, data: { documents: kinds.length }, now });
      }
      return { documentId: document.id };
    });
  } catch (error) {
    await unlink(absolute).catch(() => undefined);
    throw error;
  }
}

function storagePath(storageKey: string): string {
  return path.join(path.resolve(env().UPLOAD_DIR), storageKey);
}

/** Who may download a document: whoever may see a handoff of its account (a CSM their accounts', an AE their deals'). */
export function downloadableDocuments(actor: ActingUser): Prisma.DocumentWhereInput {
  return { OR: [{ handoff: visibleHandoffs(actor) }, { account: { handoffs: { some: visibleHandoffs(actor) } } }] };
}

/** A document for download, if the actor may see a handoff of its account (or the account is theirs). */
export async function readDocument(actor: ActingUser, documentId: string) {
  const document = await prisma.document.findFirst({
    where: { AND: [{ id: documentId }, downloadableDocuments(actor)] },
    select: { originalName: true, mimeType: true, storageKey: true, sizeBytes: true, kind: true },
  });
  if (!document) throw notFound("The document");
  return { ...document, content: await readFile(storagePath(document.storageKey)) };
}
