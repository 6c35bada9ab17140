import type { Metadata } from "next";
import { NewProductForm, ProductsTable } from "@/components/admin/product-forms";
import { Pagination } from "@/components/data-table/pagination";
import { Panel } from "@/components/ui/panel";
import { FilterForm, FilterSearch } from "@/components/ui/filter-form";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listProducts, productListParams } from "@/lib/server/products/products";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = productListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listProducts(user, params));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Products</h1>
      <p className="mb-4 text-sm text-slate-600">A technical product needs a CSM certified on it. Retire a product (not active) rather than delete it: deals keep referring to it.</p>
      <div className="mb-6">
        <Panel title="Add a product">
          <NewProductForm />
        </Panel>
      </div>
      <FilterForm>
        <FilterSearch id="product-q" label="Search" value={params.q} placeholder="Product name" />
      </FilterForm>
      <ProductsTable rows={result.data} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
