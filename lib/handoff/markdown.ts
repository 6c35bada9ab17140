import { normaliseText, type DocumentBlock } from "@/lib/handoff/document";

// "Copy as Markdown": the handoff document's blocks in the seed's "Handoff Complete" Markdown.

/**
 * Text people typed (names, notes, criteria) as Markdown text: raw HTML would pass through a Markdown renderer
 * (a <script>, an <img onerror>), so <, > and & are backslash-escaped and show as themselves.
 */
export const markdownText = (value: string) => value.replace(/[\\<>&]/g, "\\$&");
const cell = (value: string) => markdownText(value).replace(/\|/g, "\\|").replace(/\n/g, " ") || "—";

function blockMarkdown(block: DocumentBlock): string {
  switch (block.kind) {
    case "title":
      return `## ${block.text}`;
    case "section":
      return `### ${block.title}`;
    case "fields":
      return block.fields.map((field) => `${field.icon ? `${field.icon} ` : ""}**${field.label}**: ${markdownText(field.value)}`).join("\n");
    case "text":
      return `**${block.label}**:\n${markdownText(block.text)}`;
    case "list":
      return `**${block.label}**:\n${block.items.map((item, i) => (block.numbered ? `${i + 1}. ${markdownText(item)}` : `- ${markdownText(item)}`)).join("\n")}`;
    case "table": {
      const lines = [`| ${block.headers.join(" | ")} |`, `|${block.headers.map((h) => "-".repeat(h.length + 2)).join("|")}|`, ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
      return block.label ? `**${block.label}**:\n${lines.join("\n")}` : lines.join("\n");
    }
    case "rule":
      return "---";
    case "checklist":
      return `**${block.label}**:\n${block.items.map((item) => `- [${item.done ? "x" : " "}] ${markdownText(item.text)}`).join("\n")}`;
  }
}

export function handoffCompleteMarkdown(blocks: readonly DocumentBlock[]): string {
  return `${blocks.map(blockMarkdown).join("\n\n")}\n`;
}

/** The words of a "Handoff Complete" Markdown as a reader sees them rendered (marks, bullets and rules dropped). */
export function markdownPlainText(markdown: string): string {
  const words = markdown
    .split("\n")
    .filter((line) => !/^\|[-|\s]+\|$/.test(line) && line.trim() !== "---")
    .map((line) =>
      line
        .replace(/^#{1,6} /, "")
        .replace(/^- \[x\] /, "✓ ")
        .replace(/^- \[ \] /, "○ ")
        .replace(/^- /, "")
        .replace(/\*\*/g, "")
        .replace(/\\\|/g, "\u0000")
        .replace(/\|/g, " ")
        .replace(/\u0000/g, "|")
        .replace(/\\([\\<>&])/g, "$1"),
    );
  return normaliseText(words.join(" "));
}
