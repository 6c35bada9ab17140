import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiPageQuery, inIdOrder, pageArgs, pageParams, splitPage } from "@/lib/paging";

describe("a page read across two ordered parts", () => {
  it("reads only the first part while its rows fill the page", () => {
    expect(splitPage(60, 1, 25)).toEqual({ first: { skip: 0, take: 25 }, second: { skip: 0, take: 0 } });
    expect(splitPage(60, 2, 25)).toEqual({ first: { skip: 25, take: 25 }, second: { skip: 0, take: 0 } });
  });

  it("ends the first part and starts the second on the page where they meet", () => {
    expect(splitPage(60, 3, 25)).toEqual({ first: { skip: 50, take: 10 }, second: { skip: 0, take: 15 } });
  });

  it("continues the second part where the previous page left it", () => {
    expect(splitPage(60, 4, 25)).toEqual({ first: { skip: 60, take: 0 }, second: { skip: 15, take: 25 } });
    expect(splitPage(0, 2, 25)).toEqual({ first: { skip: 0, take: 0 }, second: { skip: 25, take: 25 } });
  });

  it("gives every row exactly one place across the pages", () => {
    const firstCount = 37;
    const total = 90;
    const seen: string[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const { first, second } = splitPage(firstCount, page, 25);
      for (let i = 0; i < first.take; i += 1) seen.push(`a${first.skip + i}`);
      for (let i = 0; i < Math.min(second.take, total - firstCount - second.skip); i += 1) seen.push(`b${second.skip + i}`);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(35, 39)).toEqual(["a35", "a36", "b0", "b1"]);
  });
});

describe("the one paging schema", () => {
  const app = z.object(pageParams);
  const api = z.object(apiPageQuery);

  it("reads the app's URL leniently: a bad value falls back to page 1 of 25", () => {
    expect(app.parse({ page: "3", perPage: "50" })).toMatchObject({ page: 3, perPage: 50 });
    expect(app.parse({ page: "0", perPage: "4" })).toMatchObject({ page: 1, perPage: 25 });
    expect(app.parse({ page: "x", perPage: "500" })).toMatchObject({ page: 1, perPage: 25 });
    expect(app.parse({})).toMatchObject({ page: 1, perPage: 25 });
  });

  it("reads the API's query strictly: pages of 1 to 200, 50 by default, anything else refused with its field", () => {
    expect(api.parse({ page: "2", perPage: "1" })).toEqual({ page: 2, perPage: 1 });
    expect(api.parse({})).toEqual({ page: 1, perPage: 50 });
    expect(api.safeParse({ perPage: "201" }).error?.issues.map((issue) => issue.path)).toEqual([["perPage"]]);
    expect(api.safeParse({ page: "0" }).error?.issues.map((issue) => issue.path)).toEqual([["page"]]);
  });

  it("turns a page into the rows to skip and take", () => {
    expect(pageArgs({ page: 1, perPage: 25 })).toEqual({ skip: 0, take: 25 });
    expect(pageArgs({ page: 3, perPage: 50 })).toEqual({ skip: 100, take: 50 });
  });
});

describe("rows read by id, put back in the page's order", () => {
  it("follows the ids' order, whatever order the rows came in", () => {
    const rows = [{ id: "c", n: 3 }, { id: "a", n: 1 }, { id: "b", n: 2 }];
    expect(inIdOrder(rows, ["b", "c", "a"]).map((row) => row.n)).toEqual([2, 3, 1]);
    expect(rows.map((row) => row.id)).toEqual(["c", "a", "b"]);
  });
});
