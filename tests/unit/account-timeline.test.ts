import { describe, expect, it } from "vitest";
import { buildTimeline, changeSummary, type TimelineSource } from "@/lib/accounts/timeline";
import { digestEmail, digestIsEmpty } from "@/lib/renewals/digest";

const at = (iso: string) => new Date(iso);
const empty: TimelineSource = { today: at("2026-11-23T00:00:00Z"), deals: [], handoffs: [], assignments: [], touchpoints: [], notifications: [], emails: [], risks: [], movements: [], meetings: [], changes: [] };

describe("the account timeline", () => {
  it("merges every kind of record newest first, with risk changes and one entry per alert", () => {
    const timeline = buildTimeline({
      ...empty,
      deals: [{ id: "d1", name: "Acme new", amountCents: 6_000_000n, createdAt: at("2026-10-01T10:00:00Z"), closedWonAt: at("2026-11-02T15:00:00Z"), closeDate: at("2026-11-02T00:00:00Z"), stage: "CLOSED_WON" }],
      handoffs: [{ id: "h1", type: "NEW_CUSTOMER", startedAt: at("2026-11-02T15:00:00Z"), completedAt: at("2026-11-04T15:00:00Z"), completedWithinSla: true, acknowledgedAt: null, rating: null, skippedAt: null, skipReason: null }],
      touchpoints: [
        { id: "t1", type: "KICKOFF", status: "DONE", dueDate: at("2026-11-05T00:00:00Z"), completedAt: at("2026-11-05T16:00:00Z"), notes: "Went well" },
        { id: "t2", type: "CHECK_IN", status: "PLANNED", dueDate: at("2026-11-16T00:00:00Z"), completedAt: null, notes: "" },
        { id: "t3", type: "QBR", status: "PLANNED", dueDate: at("2027-02-01T00:00:00Z"), completedAt: null, notes: "" },
      ],
      notifications: [
        { id: "n1", kind: "renewal_alert", title: "Renewal in 60 days: Acme", body: "## 🔄 Renewal Due: Acme\n\n**ARR**: $60,000", createdAt: at("2026-11-20T12:00:00Z"), link: "/accounts/a1" },
        { id: "n2", kind: "renewal_alert", title: "Renewal in 60 days: Acme", body: "## 🔄 Renewal Due: Acme\n\n**ARR**: $60,000", createdAt: at("2026-11-20T12:00:10Z"), link: "/accounts/a1" },
      ],
      risks: [
        { id: "r2", overall: "HIGH", trigger: "health_update", createdAt: at("2026-11-21T12:00:00Z") },
        { id: "r1", overall: "MEDIUM", trigger: "closed_won", createdAt: at("2026-11-02T15:00:00Z") },
      ],
      movements: [{ id: "m1", type: "CONTRACTION", amountCents: 1_000_000n, date: at("2026-11-22T00:00:00Z") }],
    });
    expect(timeline.map((entry) => entry.title)).toEqual([
      "ARR contraction: −$10,000",
      "Risk assessed: High (was Medium)",
      "Renewal in 60 days: Acme",
      "2-week check-in due (not done yet)",
      "Kickoff call done",
      "New customer handoff completed",
      "Deal closed won: Acme new",
      "New customer handoff opened",
      "Risk assessed: Medium",
      "Deal created: Acme new",
    ]);
    expect(timeline.find((entry) => entry.kind === "alert")?.detail).toBe("**ARR**: $60,000");
  });

  it("describes the people's changes in words", () => {
    expect(changeSummary("account.health_updated", { healthScore: { from: 70, to: 55 }, usagePct: { from: 40, to: 35.5 } })).toBe("Health 70 → 55, usage 40% → 35.5%");
    expect(changeSummary("renewal.closed", { summary: "Committed → Closed won" })).toBe("Renewal stage: Committed → Closed won");
    expect(changeSummary("touchpoint.completed", {})).toBeNull();
  });
});

describe("the daily digest", () => {
  it("lists what is overdue, coming, renewing and waiting, with a subject that counts them", () => {
    const input = {
      csmName: "Dana Scully",
      today: at("2026-11-23T00:00:00Z"),
      overdue: [{ label: "Kickoff call", accountName: "Acme", dueDate: at("2026-11-19T00:00:00Z") }],
      upcoming: [],
      renewals: [{ accountName: "Globex", renewalDate: at("2027-01-22T00:00:00Z"), amountCents: 12_000_000n, stageLabel: "Planning" }],
      acknowledgments: [],
      appUrl: "http://localhost:3000",
    };
    const { subject, text } = digestEmail(input);
    expect(subject).toBe("Baton digest Nov 23, 2026: 1 overdue, 1 renewals due");
    expect(text).toBe(
      [
        "Good morning Dana,",
        "",
        "Your Baton digest for Nov 23, 2026.",
        "",
        "Overdue touchpoints (1)",
        "- Kickoff call with Acme — due Nov 19, 2026 (4 days overdue)",
        "",
        "Renewals due within 90 days (1)",
        "- Globex: $120,000 ARR renews Jan 22, 2027 (in 60 days) — Planning",
        "",
        "Your book: http://localhost:3000/book",
      ].join("\n"),
    );
    expect(digestIsEmpty({ overdue: [], upcoming: [], renewals: [], acknowledgments: [] })).toBe(true);
  });
});
