// The name a stored document is shown and downloaded under. Never the uploader's raw name: direction
// overrides (U+202E turns "invfdp.exe" into "invexe.pdf" on screen), control characters, paths and quotes are
// dropped, and the extension is the one of the content type Baton checked, never the one the uploader typed.

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

// Bidirectional controls and marks, zero-width characters and other invisible format characters.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** The uploaded name as Baton stores and shows it: the last path segment, without invisible or control characters. */
export function displayName(uploaded: string): string {
  const base = uploaded.split(/[\\/]/).pop() ?? "";
  return base.normalize("NFC").replace(INVISIBLE, "").replace(CONTROL, "").replace(/\s+/g, " ").trim().slice(0, 200);
}

/** The base of the download: letters, digits, spaces, dots, dashes and underscores of the shown name, without its extension. */
export function safeBaseName(uploaded: string, fallback: string): string {
  const shown = displayName(uploaded);
  const withoutExtension = shown.includes(".") ? shown.slice(0, shown.lastIndexOf(".")) : shown;
  const safe = withoutExtension.replace(/[^\p{L}\p{N} ._-]/gu, "_").replace(/^[.\s_-]+|[.\s]+$/g, "").slice(0, 120);
  return safe || fallback;
}

export function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType] ?? "bin";
}

export function downloadName(uploaded: string, mimeType: string, fallback: string): string {
  return `${safeBaseName(uploaded, fallback)}.${extensionFor(mimeType)}`;
}

/** Content-Disposition with an ASCII name for old clients and the UTF-8 name for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7E]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
