import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe("the Markdown renderer", () => {
  it("renders the renewal alert's headings, bold labels and lists", () => {
    const out = html("## Renewal Due: Acme\n\n**ARR**: $120,000\n\n- one\n- two");
    expect(out).toContain('<p class="font-semibold text-slate-900">Renewal Due: Acme</p>');
    expect(out).toContain("<strong>ARR</strong>: $120,000");
    expect(out).toContain("<li>one</li>");
    expect(out).not.toContain("##");
    expect(out).not.toContain("**");
  });

  it("never passes HTML or a script link through", () => {
    const out = html('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](/accounts/a1)');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("onerror");
    expect(out).not.toContain("javascript:");
    expect(out).toContain('<a href="/accounts/a1" class="text-brand-700 underline">ok</a>');
  });

  it("escapes characters that would be markup", () => {
    expect(html("5 < 6 & 7 > 3")).toContain("5 &lt; 6 &amp; 7 &gt; 3");
  });
});
