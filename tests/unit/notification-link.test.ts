import { describe, expect, it } from "vitest";
import { isAppLink, recordLinkLabel } from "@/lib/notifications/record-link";

describe("a notification's link", () => {
  it("names the record it opens", () => {
    expect(recordLinkLabel("/accounts/a1")).toBe("Open the account");
    expect(recordLinkLabel("/handoffs/h1")).toBe("Open the handoff");
    expect(recordLinkLabel("/handoffs/h1/document")).toBe("Open the handoff document");
    expect(recordLinkLabel("/assignments/c1")).toBe("Open the CSM assignment");
    expect(recordLinkLabel("/assignments")).toBe("Open the assignment queue");
    expect(recordLinkLabel("/renewals?due=90")).toBe("Open the renewal pipeline");
    expect(recordLinkLabel("/somewhere")).toBe("Open");
  });

  it("stays inside Baton", () => {
    expect(isAppLink("/accounts/a1")).toBe(true);
    expect(isAppLink("//evil.example/x")).toBe(false);
    expect(isAppLink("https://evil.example")).toBe(false);
    expect(isAppLink(null)).toBe(false);
  });
});
