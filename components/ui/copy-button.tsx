"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so beside the button (or how to copy by hand when it cannot). */
export function CopyButton({ text, label = "Copy", fallback = "Copy failed: select the text and copy it" }: { text: string; label?: string; fallback?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied("yes");
          } catch {
            setCopied("failed");
          }
        }}
      >
        {label}
      </Button>
      <span aria-live="polite" className="text-sm text-slate-700">
        {copied === "yes" ? "Copied to the clipboard" : copied === "failed" ? fallback : ""}
      </span>
    </span>
  );
}
