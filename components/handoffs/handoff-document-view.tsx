import type { DocumentBlock } from "@/lib/handoff/document";

// The handoff document's blocks as a page. Every word here is also in the Markdown (lib/handoff/markdown.ts):
// both render the same blocks, and a browser test checks that the page text equals the Markdown's.

function Block({ block, id }: { block: DocumentBlock; id: string }) {
  switch (block.kind) {
    case "title":
      return <h1 className="text-2xl font-semibold">{block.text}</h1>;
    case "section":
      return <h2 className="border-t border-slate-200 pt-4 text-lg font-semibold">{block.title}</h2>;
    case "fields":
      return (
        <div className="space-y-0.5">
          {block.fields.map((field) => (
            <p key={field.label}>
              {field.icon ? `${field.icon} ` : null}
              <strong>{field.label}</strong>: {field.value}
            </p>
          ))}
        </div>
      );
    case "text":
      return (
        <div>
          <p><strong>{block.label}</strong>:</p>
          <p className="whitespace-pre-line">{block.text}</p>
        </div>
      );
    case "list": {
      return (
        <div>
          <p><strong>{block.label}</strong>:</p>
          {block.numbered ? (
            <ol className="list-none">{block.items.map((item, i) => <li key={`${i}-${item}`}>{`${i + 1}. ${item}`}</li>)}</ol>
          ) : (
            <ul className="list-disc pl-5">{block.items.map((item, i) => <li key={`${i}-${item}`}>{item}</li>)}</ul>
          )}
        </div>
      );
    }
    case "table":
      return (
        <div>
          {block.label ? <p id={id}><strong>{block.label}</strong>:</p> : null}
          <div className="overflow-x-auto">
            <table className="min-w-full text-left" aria-labelledby={block.label ? id : undefined}>
              <thead>
                <tr className="text-slate-500">{block.headers.map((header) => <th key={header} scope="col" className="py-1 pr-3 font-medium">{header}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {block.rows.map((row, r) => <tr key={r}>{row.map((value, c) => <td key={c} className="py-1 pr-3 align-top">{value}</td>)}</tr>)}
              </tbody>
            </table>
          </div>
        </div>
      );
    case "rule":
      return <hr className="border-slate-300" />;
    case "checklist":
      return (
        <div>
          <p><strong>{block.label}</strong>:</p>
          <ul className="list-none">{block.items.map((item) => <li key={item.text}>{`${item.done ? "✓" : "○"} ${item.text}`}</li>)}</ul>
        </div>
      );
  }
}

export function HandoffDocumentView({ blocks }: { blocks: readonly DocumentBlock[] }) {
  return (
    <div data-testid="handoff-document" className="space-y-3">
      {blocks.map((block, index) => <Block key={index} block={block} id={`document-block-${index}`} />)}
    </div>
  );
}
