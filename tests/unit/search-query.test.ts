import { describe, expect, it } from "vitest";
import { containsText, escapeLike, likePattern } from "@/lib/search/query";

describe("LIKE patterns from what a person typed", () => {
  it("take LIKE's own characters and its escape literally", () => {
    expect(escapeLike("50% off_now\\")).toBe("50\\% off\\_now\\\\");
    expect(containsText("50%")).toEqual({ contains: "50\\%", mode: "insensitive" });
  });

  it("match anywhere from three characters, the start for two", () => {
    expect(likePattern("ac")).toBe("ac%");
    expect(likePattern("a_c")).toBe("%a\\_c%");
  });
});
