"use client";

import { useEffect } from "react";

// After an action the page re-renders and what changed may be far from the button that was pressed (an approval
// replaces the decision forms at the bottom with the decision at the top). The action asks for an element by id;
// when that element arrives it takes the focus, which also scrolls it into view.

let wanted: string | null = null;

export function focusOnArrival(id: string): void {
  wanted = id;
}

/** Place beside an element with this id and tabIndex={-1}. */
export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    if (wanted !== id) return;
    wanted = null;
    document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
