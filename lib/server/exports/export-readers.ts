import "server-only";
import { prisma } from "@/lib/db";
import type { ExportKind } from "@/lib/imports/formats";
import {
  accountRecord,
  arrMovementRecord,
  contactRecord,
  csmRecord,
  dealRecord,
  productRecord,
  renewalRecord,
  touchpointRecord,
} from "@/lib/imports/row-format";

// Reads each exported table a page at a time (keyset on id), so an export of any size streams with flat memory.

const PAGE = 1000;

type Page<T> = (cursor: string | undefined) => Promise<(T & { id: string })[]>;

const after = (cursor: string | undefined) => ({ take: PAGE, orderBy: { id: "asc" as const }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });

async function* pages<T>(read: Page<T>, toRecord: (row: T) => Record<string, string>): AsyncGenerator<Record<string, string>[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read(cursor);
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

const names = (links: { product: { name: string } }[]) => links.map((link) => link.product.name);

export function exportPages(kind: ExportKind): AsyncGenerator<Record<string, string>[]> {
  switch (kind) {
    case "products":
      return pages((cursor) => prisma.product.findMany({ ...after(cursor), select: { id: true, name: true, technical: true } }), productRecord);
    case "csms":
      return pages(
        (cursor) =>
          prisma.csmProfile.findMany({
            ...after(cursor),
            include: {
              user: { select: { email: true, name: true, manager: { select: { email: true } } } },
              productExpertise: { select: { product: { select: { name: true } } } },
              certifications: { select: { product: { select: { name: true } } } },
            },
          }),
        (p) =>
          csmRecord({
            ...p,
            email: p.user.email,
            name: p.user.name,
            managerEmail: p.user.manager?.email ?? null,
            products: names(p.productExpertise),
            certifications: names(p.certifications),
          }),
      );
    case "accounts":
      return pages(
        (cursor) => prisma.account.findMany({ ...after(cursor), include: { csm: { select: { email: true } } } }),
        (a) => accountRecord({ ...a, csmEmail: a.csm?.email ?? null }),
      );
    case "contacts":
      return pages(
        (cursor) => prisma.contact.findMany({ ...after(cursor), include: { account: { select: { externalId: true } } } }),
        (c) => contactRecord({ ...c, accountExternalId: c.account.externalId }),
      );
    case "deals":
      return pages(
        (cursor) =>
          prisma.deal.findMany({
            ...after(cursor),
            include: {
              account: { select: { externalId: true } },
              owner: { select: { email: true } },
              products: { select: { product: { select: { name: true } } } },
              renewal: { select: { autoRenew: true, noticeDays: true, upliftPct: true } },
            },
          }),
        (d) => dealRecord({ ...d, accountExternalId: d.account.externalId, ownerEmail: d.owner.email, products: names(d.products) }),
      );
    case "arr_movements":
      return pages(
        (cursor) =>
          prisma.arrMovement.findMany({ ...after(cursor), include: { account: { select: { externalId: true } }, sourceDeal: { select: { externalId: true } } } }),
        (m) => arrMovementRecord({ ...m, accountExternalId: m.account.externalId, dealExternalId: m.sourceDeal?.externalId ?? null }),
      );
    case "renewals":
      return pages(
        (cursor) =>
          prisma.renewalOpportunity.findMany({
            ...after(cursor),
            include: {
              originalDeal: { select: { externalId: true } },
              account: { select: { externalId: true, csm: { select: { email: true } } } },
              products: { select: { product: { select: { name: true } } } },
            },
          }),
        (r) =>
          renewalRecord({
            ...r,
            originalDealExternalId: r.originalDeal.externalId,
            accountExternalId: r.account.externalId,
            csmEmail: r.account.csm?.email ?? null,
            products: names(r.products),
          }),
      );
    case "touchpoints":
      return pages(
        (cursor) =>
          prisma.touchpoint.findMany({
            ...after(cursor),
            include: {
              account: { select: { externalId: true } },
              sourceDeal: { select: { externalId: true } },
              renewalOpportunity: { select: { originalDeal: { select: { externalId: true } } } },
              owner: { select: { email: true } },
            },
          }),
        (t) =>
          touchpointRecord({
            ...t,
            accountExternalId: t.account.externalId,
            dealExternalId: t.sourceDeal?.externalId ?? null,
            renewalDealExternalId: t.renewalOpportunity?.originalDeal.externalId ?? null,
            ownerEmail: t.owner?.email ?? null,
          }),
      );
  }
}
