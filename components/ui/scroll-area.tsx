"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A box that scrolls sideways when its table is wider than the screen. While it overflows it is focusable and
 * named, so a keyboard user can scroll it too (WCAG 2.1.1); when everything fits it stays out of the tab order.
 */
export function ScrollArea({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    // relative: screen-reader-only labels (position: absolute) inside stay in the scrolling box.
    <div
      ref={box}
      className={`relative overflow-x-auto ${className}`}
      {...(overflows ? { tabIndex: 0, role: "region", "aria-label": `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
