import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === name);
  if (!entry) throw new Error(`No server action ${name} in ${file}`);
  return entry[0];
}

/**
 * Calls a server action the way the browser would, with the page's session but without its UI, to prove the
 * server itself refuses what a role may not do. Returns the response body (the action's serialized result).
 */
export async function callServerAction(page: Page, action: { path: string; file: string; name: string; args: unknown[] }): Promise<string> {
  const response = await page.request.post(action.path, {
    headers: { "Next-Action": actionId(action.file, action.name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(action.args),
  });
  return response.text();
}
