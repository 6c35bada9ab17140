// A notification's link names what it opens ("Open the handoff"), so a list of them reads as a list of records.

const RECORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/accounts\/[^/?#]+/, "Open the account"],
  [/^\/handoffs\/[^/?#]+\/document/, "Open the handoff document"],
  [/^\/handoffs\/[^/?#]+/, "Open the handoff"],
  [/^\/deals\/[^/?#]+/, "Open the deal"],
  [/^\/assignments\/[^/?#]+/, "Open the CSM assignment"],
  [/^\/assignments\b/, "Open the assignment queue"],
  [/^\/renewals\b/, "Open the renewal pipeline"],
  [/^\/book\b/, "Open my book"],
  [/^\/dashboard\b/, "Open the dashboard"],
];

export function recordLinkLabel(link: string): string {
  return RECORDS.find(([pattern]) => pattern.test(link))?.[1] ?? "Open";
}

/** Only links inside Baton: a notification never sends anyone to another site. */
export function isAppLink(link: string | null): link is string {
  return typeof link === "string" && link.startsWith("/") && !link.startsWith("//");
}
