import type { SettingKey, Settings } from "@/lib/settings/schema";

// Checks across fields of one settings group, which its schema alone cannot express; keyed like the schema's
// own errors (`capacity.ENTERPRISE.minAccounts`) so the form shows them beside the field.
export function settingGroupProblems<K extends SettingKey>(key: K, value: Settings[K]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[`${key}.${field}`] ??= []).push(message);
  if (key === "capacity") {
    for (const [tier, limits] of Object.entries(value as Settings["capacity"])) {
      if (limits.minAccounts > limits.maxAccounts) add(`${tier}.minAccounts`, "must not be more than the maximum accounts");
    }
  }
  if (key === "scoring") {
    const scoring = value as Settings["scoring"];
    if (scoring.capacityMediumThreshold > scoring.capacityHighThreshold) {
      add("capacityMediumThreshold", "must not be above the high-load threshold");
    }
  }
  if (key === "forecast") {
    const likelihood = (value as Settings["forecast"]).likelihood;
    if (likelihood.bestCaseFrom > likelihood.commitFrom) add("likelihood.bestCaseFrom", "must not be above the Commit threshold");
    if (likelihood.pipelineFrom > likelihood.bestCaseFrom) add("likelihood.pipelineFrom", "must not be above the Best case threshold");
  }
  if (key === "calendar") {
    const calendar = value as Settings["calendar"];
    if (new Set(calendar.workingDays).size !== calendar.workingDays.length) add("workingDays", "lists a day twice");
  }
  return problems;
}
