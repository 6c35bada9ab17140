import "server-only";
import type { ProductRow } from "@/lib/imports/row-schemas";
import { defineHandler } from "@/lib/server/imports/types";

// products.csv: name,technical — key `name`.
export const productsImport = defineHandler<ProductRow, null>({
  lookup: async () => null,
  check: () => [],
  async write(tx, row) {
    await tx.product.upsert({
      where: { name: row.name },
      create: { name: row.name, technical: row.technical ?? false },
      update: row.technical === null ? {} : { technical: row.technical },
    });
  },
});
