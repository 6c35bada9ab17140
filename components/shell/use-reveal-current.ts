"use client";

import { useEffect, useRef } from "react";

/** On a row of links that scrolls sideways, brings the current page's link into view (without moving the page). */
export function useRevealCurrent<T extends HTMLElement>(pathname: string) {
  const list = useRef<T>(null);
  useEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return list;
}
