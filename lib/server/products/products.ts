import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { containsText } from "@/lib/search/query";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

// The product catalogue: a technical product needs a CSM certified on it (SPEC.md "CSM assignment"). Products
// are retired (inactive) rather than deleted, since deals and renewals keep referring to them.

export const productListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "createdAt"]).catch("name"),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type ProductListParams = z.infer<typeof productListParams>;

export const saveProductInput = z.object({
  id: z.string().optional().transform((value) => value || undefined),
  name: z.string().trim().min(1, "Enter the product's name").max(200),
  technical: z.boolean().default(false),
  active: z.boolean().default(true),
});

export interface ProductRow {
  id: string;
  name: string;
  technical: boolean;
  active: boolean;
  deals: number;
  certifiedCsms: number;
}

export async function listProducts(actor: ActingUser, params: ProductListParams): Promise<Paged<ProductRow>> {
  assertRole(actor, ["ADMIN"]);
  const where: Prisma.ProductWhereInput = params.q ? { name: containsText(params.q) } : {};
  const [rows, count] = await Promise.all([
    prisma.product.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select: { id: true, name: true, technical: true, active: true, _count: { select: { deals: true, certifications: true } } },
    }),
    prisma.product.count({ where }),
  ]);
  const data = rows.map(({ _count, ...row }) => ({ ...row, deals: _count.deals, certifiedCsms: _count.certifications }));
  return paged(data, count, params.page, params.perPage);
}

export async function saveProduct(actor: ActingUser, input: z.input<typeof saveProductInput>): Promise<{ id: string }> {
  assertRole(actor, ["ADMIN"]);
  const data = saveProductInput.parse(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const fields = { name: data.name, technical: data.technical, active: data.active };
      if (!data.id) {
        const created = await tx.product.create({ data: fields, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "product.created", entityType: "Product", entityId: created.id, data: fields });
        return created;
      }
      const before = await tx.product.findUnique({ where: { id: data.id }, select: { name: true, technical: true, active: true } });
      if (!before) throw notFound("The product");
      await tx.product.update({ where: { id: data.id }, data: fields, select: { id: true } });
      await recordAudit(tx, { actorId: actor.id, action: "product.updated", entityType: "Product", entityId: data.id, data: { before, after: fields } });
      return { id: data.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ALREADY_EXISTS", "A product with this name exists.", { name: ["is already used by another product"] });
    }
    throw error;
  }
}
