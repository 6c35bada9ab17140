import "server-only";
import { recordsToCsv, toCsv } from "@/lib/csv/write-csv";
import { COLUMNS, type ExportKind } from "@/lib/imports/formats";
import { logger } from "@/lib/logger";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { exportPages } from "@/lib/server/exports/export-readers";

/**
 * An admin's CSV export of one kind, in the import format's columns (so it imports back unchanged), as a
 * stream: a page of rows is read and written at a time.
 */
export function exportCsv(actor: ActingUser, kind: ExportKind): ReadableStream<Uint8Array> {
  assertRole(actor, ["ADMIN"]);
  const columns = [...COLUMNS[kind]];
  const encoder = new TextEncoder();
  const source = exportPages(kind);
  let headerWritten = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerWritten) {
          headerWritten = true;
          controller.enqueue(encoder.encode(toCsv([columns])));
          return;
        }
        const next = await source.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(recordsToCsv(next.value, columns)));
      } catch (error) {
        logger.error({ err: error, kind }, "export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/** The whole export as text (tests and small files). */
export async function exportCsvText(actor: ActingUser, kind: ExportKind): Promise<string> {
  return new Response(exportCsv(actor, kind)).text();
}
