import type { Locator } from "@playwright/test";

/** The count a section's heading gives in brackets: "Upcoming touchpoints (1,234)" → 1234. */
export async function headingCount(section: Locator): Promise<number> {
  const text = (await section.getByRole("heading").textContent()) ?? "";
  const count = /\(([\d,]+)\)/.exec(text)?.[1];
  if (count === undefined) throw new Error(`No (count) in the heading "${text}"`);
  return Number(count.replace(/,/g, ""));
}
