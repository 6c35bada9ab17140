import ReactMarkdown, { type Components } from "react-markdown";

// The one Markdown renderer (notifications, alerts): Markdown becomes React elements, never an HTML string. Raw
// HTML in the text is dropped (`skipHtml`) and link targets pass react-markdown's safe URL filter, so a body can
// never inject markup or a `javascript:` link. Headings are shown as bold lines: inside a list item they are part
// of one message, not sections of the page's outline.

const components: Components = {
  h1: ({ children }) => <p className="font-semibold text-slate-900">{children}</p>,
  h2: ({ children }) => <p className="font-semibold text-slate-900">{children}</p>,
  h3: ({ children }) => <p className="font-semibold text-slate-900">{children}</p>,
  h4: ({ children }) => <p className="font-semibold text-slate-900">{children}</p>,
  p: ({ children }) => <p>{children}</p>,
  ul: ({ children }) => <ul className="list-disc space-y-0.5 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-0.5 pl-5">{children}</ol>,
  a: ({ children, href }) => (
    <a href={href} className="text-brand-700 underline">
      {children}
    </a>
  ),
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-xs">{children}</code>,
  img: ({ alt }) => <span>{alt}</span>,
};

export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`space-y-1.5 text-sm text-slate-700 ${className}`}>
      <ReactMarkdown skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
