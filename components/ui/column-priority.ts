// Which columns a narrow screen keeps. "essential" columns are always shown (the record's name and the figure
// that decides what to do next); "secondary" ones from 640 px, "optional" ones from 1024 px. A table therefore
// never scrolls sideways to hide the column that matters, on a phone or a laptop.
export type ColumnPriority = "essential" | "secondary" | "optional";

const CLASSES: Record<ColumnPriority, string> = {
  essential: "",
  secondary: "hidden sm:table-cell",
  optional: "hidden lg:table-cell",
};

export function priorityClass(priority: ColumnPriority | undefined): string {
  return CLASSES[priority ?? "essential"];
}
