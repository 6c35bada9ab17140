"use server";

import { runAction } from "@/lib/server/actions/run-action";
import { saveProduct, saveProductInput } from "@/lib/server/products/products";

export async function saveProductAction(input: unknown) {
  return runAction(saveProductInput, input, saveProduct, { revalidate: ["/admin/products"], message: "Product saved." });
}
