import type { Metadata } from "next";
import { ApiTokenForm } from "@/components/admin/api-token-form";
import { ApiTokensTable } from "@/components/admin/api-tokens-table";
import { Pagination } from "@/components/data-table/pagination";
import { Panel } from "@/components/ui/panel";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { firstValues, type SearchParams } from "@/lib/paging";
import { apiTokenListParams, listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "API tokens" };

const stamp = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") : "never");

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = apiTokenListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const tokens = await loadPage(() => listApiTokens(user, params));
  const rows = tokens.data.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    roleLabel: ROLE_LABELS[token.role],
    user: `${token.userName} (${token.userEmail})`,
    createdAt: stamp(token.createdAt),
    lastUsedAt: stamp(token.lastUsedAt),
    status: token.revokedAt ? ("Revoked" as const) : token.userActive ? ("Active" as const) : ("User deactivated" as const),
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">API tokens</h1>
      <p className="mb-4 text-sm text-slate-600">
        For the CRM and BI: <code>Authorization: Bearer &lt;token&gt;</code> on <code>/api/v1</code>, described in{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">the OpenAPI document</a>. A token acts as its user and
        stops working when revoked or when the user is deactivated.
      </p>
      <div className="mb-6">
        <Panel title="Create a token">
          <ApiTokenForm me={{ id: user.id, name: user.name, role: user.role }} />
        </Panel>
      </div>
      <ApiTokensTable rows={rows} />
      <Pagination currentPage={tokens.currentPage} totalPages={tokens.totalPages} count={tokens.count} />
    </>
  );
}
