import type { Metadata } from "next";
import { z } from "zod";
import { SettingsGroupForm } from "@/components/admin/settings-group-form";
import { SuggestionPreviewPanel } from "@/components/admin/suggestion-preview";
import { firstValues, type SearchParams } from "@/lib/paging";
import { GROUP_TITLES } from "@/lib/settings/labels";
import type { SettingKey } from "@/lib/settings/schema";
import { readSettingsForAdmin } from "@/lib/server/settings/read-settings";
import { listPreviewTargets, previewSuggestion } from "@/lib/server/settings/preview-suggestion";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rule settings" };

const paramsSchema = z.object({ preview: z.string().max(64).optional().catch(undefined) });

function stampOf(updated: { at: Date; by: string | null } | undefined): string {
  if (!updated) return "Default (not yet changed)";
  return `Changed ${updated.at.toISOString().slice(0, 16).replace("T", " ")} UTC${updated.by ? ` by ${updated.by}` : ""}`;
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = paramsSchema.parse(firstValues(await searchParams));
  const user = await pageUser();
  const { settings, updated, targets, preview } = await loadPage(async () => {
    const view = await readSettingsForAdmin(user);
    const targets = await listPreviewTargets(user);
    const chosen = targets.find((target) => target.assignmentId === params.preview) ?? targets[0];
    return { ...view, targets, preview: chosen ? await previewSuggestion(user, chosen.assignmentId) : null };
  });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Rule settings</h1>
      <p className="mb-4 text-sm text-slate-600">Changes apply at once and are recorded in the audit log with the values before and after.</p>
      <div className="mb-4">
        <SuggestionPreviewPanel targets={targets} preview={preview} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {(Object.keys(settings) as SettingKey[]).map((key) => (
          <SettingsGroupForm key={key} settingKey={key} title={GROUP_TITLES[key] ?? key} value={settings[key]} stamp={stampOf(updated[key])} />
        ))}
      </div>
    </>
  );
}
