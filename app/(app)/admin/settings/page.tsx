import type { Metadata } from "next";
import { Panel } from "@/components/home/stat";
import { readSettingsForAdmin } from "@/lib/server/settings/read-settings";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rule settings" };

const GROUP_TITLES: Record<string, string> = {
  scoring: "CSM scoring weights",
  capacity: "CSM capacity by tier",
  timing: "Touchpoint timing rules",
  handoff: "Handoff guardrails",
  calendar: "Business calendar",
  expansionCredit: "AE expansion credit",
  targets: "Dashboard targets",
};

function renderValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export default async function SettingsPage() {
  const user = await pageUser();
  const { settings, updated } = await loadPage(() => readSettingsForAdmin(user));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Rule settings</h1>
      <div className="grid gap-4 lg:grid-cols-2">
        {Object.entries(settings).map(([key, group]) => (
          <Panel key={key} title={GROUP_TITLES[key] ?? key}>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
              {Object.entries(group as Record<string, unknown>).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-slate-600">{name}</dt>
                  <dd className="text-right font-mono">{renderValue(value)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-slate-500">
              {updated[key] ? `Stored ${updated[key].at.toISOString().slice(0, 16).replace("T", " ")} UTC${updated[key].by ? ` by ${updated[key].by}` : ""}` : "Default (not yet stored)"}
            </p>
          </Panel>
        ))}
      </div>
    </>
  );
}
