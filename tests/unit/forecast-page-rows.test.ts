import { describe, expect, it } from "vitest";
import { accuracyCsms, rollUpRows } from "@/lib/forecast/page-rows";
import { firstOf } from "@/lib/paging";
import { emptySums, type RollUpNode } from "@/lib/forecast/retention";

const node = (id: string | null, name: string, children: RollUpNode[] = []): RollUpNode => ({ id, name, sums: emptySums(), children });
const tree = node(null, "Company", [
  node("m1", "Ana", [node("c1", "Cy"), node("c2", "Di")]),
  node(null, "No manager", [node("c3", "Ed")]),
]);
const group = (key: string, name: string, renewals: number) => ({ key, name, at90: { renewals }, at30: { renewals: renewals - 1 } });

describe("the forecast page's rows", () => {
  it("shows the teams and only the opened team's CSMs", () => {
    const names = (team?: string) => rollUpRows(tree, team).map((row) => `${row.depth}:${row.node.name}:${row.expanded}`);
    expect(names()).toEqual(["0:Company:null", "1:Ana:false", "1:No manager:false"]);
    expect(names("m1")).toEqual(["0:Company:null", "1:Ana:true", "2:Cy:null", "2:Di:null", "1:No manager:false"]);
    expect(names("none")).toEqual(["0:Company:null", "1:Ana:false", "1:No manager:true", "2:Ed:null"]);
    // One team (a CS manager's cut, a CSM's book): its CSMs without asking.
    expect(rollUpRows(node(null, "Company", [tree.children[0]!]), undefined).map((row) => row.node.name)).toEqual(["Company", "Ana", "Cy", "Di"]);
  });

  it("lists the opened team's CSMs for accuracy, otherwise those with the most closed renewals", () => {
    const byCsm = [group("c1", "Cy", 3), group("c2", "Di", 9), group("c3", "Ed", 3), group("c4", "Bo", 3)];
    expect(accuracyCsms(byCsm, tree, "m1")).toEqual({ items: [byCsm[0], byCsm[1]], more: 0, team: "Ana" });
    const top = accuracyCsms(byCsm, tree, undefined, byCsm.length, 3);
    expect(top.items.map((g) => g.name)).toEqual(["Di", "Bo", "Cy"]);
    expect(top).toMatchObject({ more: 1, team: null });
    // From the summaries, byCsm holds only the CSMs that can be shown; the count of all of them gives "more".
    expect(accuracyCsms(byCsm.slice(0, 2), tree, undefined, 40, 1)).toMatchObject({ items: [byCsm[1]], more: 39 });
  });

  it("keeps the first few of a list and counts the rest", () => {
    expect(firstOf([1, 2, 3, 4, 5], 2)).toEqual({ items: [1, 2], more: 3 });
    expect(firstOf([1], 2)).toEqual({ items: [1], more: 0 });
  });
});
