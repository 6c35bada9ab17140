import "server-only";
import { tierRangeWarnings } from "@/lib/assignment/eligibility";
import { userSearch } from "@/lib/server/users/user-search";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { csmProfileInput, type CsmProfileInput } from "@/lib/csm-profiles/schema";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { diffIds } from "@/lib/server/imports/references";
import { getSettings } from "@/lib/server/settings/get-settings";

// CSM profiles as admins keep them: tier, limits, expertise, certifications and the figures the scoring uses.

export const csmProfileListParams = z.object({
  ...pageParams,
  sort: z.enum(["name", "email"]).catch("name"),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type CsmProfileListParams = z.infer<typeof csmProfileListParams>;

export interface CsmProfileRow {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  tier: Segment | null;
  maxAccounts: number | null;
  maxArrCents: bigint | null;
  region: string | null;
  certifications: number;
}

export async function listCsmProfiles(actor: ActingUser, params: CsmProfileListParams): Promise<Paged<CsmProfileRow>> {
  assertRole(actor, ["ADMIN"]);
  const where: Prisma.UserWhereInput = {
    role: "CSM",
    ...userSearch(params.q),
  };
  const [rows, count] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ [params.sort]: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        csmProfile: { select: { tier: true, maxAccounts: true, maxArrCents: true, region: true, _count: { select: { certifications: true } } } },
      },
    }),
    prisma.user.count({ where }),
  ]);
  const data = rows.map((row) => ({
    userId: row.id,
    name: row.name,
    email: row.email,
    active: row.active,
    tier: row.csmProfile?.tier ?? null,
    maxAccounts: row.csmProfile?.maxAccounts ?? null,
    maxArrCents: row.csmProfile?.maxArrCents ?? null,
    region: row.csmProfile?.region ?? null,
    certifications: row.csmProfile?._count.certifications ?? 0,
  }));
  return paged(data, count, params.page, params.perPage);
}

export interface CsmProfileEditor {
  user: { id: string; name: string; email: string };
  profile: {
    tier: Segment;
    maxAccounts: number;
    maxArrCents: bigint;
    segments: Segment[];
    industries: string[];
    languages: string[];
    region: string;
    timezone: string;
    npsScore: string;
    retentionRate: string;
    productIds: string[];
    certificationIds: string[];
  };
  exists: boolean;
  products: { id: string; name: string; technical: boolean }[];
}

/** The profile to edit; a CSM without one gets the Mid-Market tier's limits as a starting point. */
export async function getCsmProfileEditor(actor: ActingUser, userId: string): Promise<CsmProfileEditor> {
  assertRole(actor, ["ADMIN"]);
  const user = await prisma.user.findFirst({
    where: { id: userId, role: "CSM" },
    select: {
      id: true,
      name: true,
      email: true,
      csmProfile: { include: { productExpertise: { select: { productId: true } }, certifications: { select: { productId: true } } } },
    },
  });
  if (!user) throw notFound("The CSM");
  const products = await prisma.product.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, technical: true } });
  const p = user.csmProfile;
  const defaults = (await getSettings()).capacity.MID_MARKET;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    exists: Boolean(p),
    products,
    profile: p
      ? {
          tier: p.tier,
          maxAccounts: p.maxAccounts,
          maxArrCents: p.maxArrCents,
          segments: p.segments,
          industries: p.industries,
          languages: p.languages,
          region: p.region,
          timezone: p.timezone,
          npsScore: p.npsScore.toString(),
          retentionRate: p.retentionRate.toString(),
          productIds: p.productExpertise.map((e) => e.productId),
          certificationIds: p.certifications.map((c) => c.productId),
        }
      : {
          tier: "MID_MARKET",
          maxAccounts: defaults.maxAccounts,
          maxArrCents: BigInt(defaults.maxArrCents),
          segments: ["MID_MARKET"],
          industries: [],
          languages: ["English"],
          region: "",
          timezone: "America/New_York",
          npsScore: "0",
          retentionRate: "0",
          productIds: [],
          certificationIds: [],
        },
  };
}

/** Saves a profile; the warnings say where its limits are outside its tier's range (saved as given, not capped). */
export async function saveCsmProfile(actor: ActingUser, input: z.input<typeof csmProfileInput>): Promise<{ warnings: string[] }> {
  assertRole(actor, ["ADMIN"]);
  const data: CsmProfileInput = csmProfileInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const csm = await tx.user.findFirst({ where: { id: data.userId, role: "CSM" }, select: { id: true } });
    if (!csm) throw notFound("The CSM");
    const known = new Set((await tx.product.findMany({ where: { id: { in: [...data.productIds, ...data.certificationIds] } }, select: { id: true } })).map((p) => p.id));
    const unknown = [...data.productIds, ...data.certificationIds].filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError("VALIDATION", "Some products no longer exist.", { productIds: ["refresh the page and pick again"] });

    const before = await tx.csmProfile.findUnique({ where: { userId: data.userId }, include: { productExpertise: true, certifications: true } });
    const fields = {
      tier: data.tier,
      maxAccounts: data.maxAccounts,
      maxArrCents: data.maxArr,
      segments: data.segments,
      industries: data.industries,
      languages: data.languages,
      region: data.region,
      timezone: data.timezone,
      npsScore: data.npsScore.toFixed(2),
      retentionRate: data.retentionRate.toFixed(2),
    };
    const profile = await tx.csmProfile.upsert({ where: { userId: data.userId }, create: { ...fields, userId: data.userId }, update: fields, select: { id: true } });
    const expertise = diffIds(before?.productExpertise.map((e) => e.productId) ?? [], data.productIds);
    const certified = diffIds(before?.certifications.map((c) => c.productId) ?? [], data.certificationIds);
    if (expertise.remove.length) await tx.csmProductExpertise.deleteMany({ where: { csmProfileId: profile.id, productId: { in: expertise.remove } } });
    if (expertise.add.length) await tx.csmProductExpertise.createMany({ data: expertise.add.map((productId) => ({ csmProfileId: profile.id, productId })) });
    if (certified.remove.length) await tx.csmCertification.deleteMany({ where: { csmProfileId: profile.id, productId: { in: certified.remove } } });
    if (certified.add.length) await tx.csmCertification.createMany({ data: certified.add.map((productId) => ({ csmProfileId: profile.id, productId })) });

    const snapshot = (p: typeof fields, productIds: string[], certificationIds: string[]) => ({
      tier: p.tier,
      maxAccounts: p.maxAccounts,
      maxArrCents: String(p.maxArrCents),
      segments: p.segments,
      industries: p.industries,
      languages: p.languages,
      region: p.region,
      timezone: p.timezone,
      npsScore: String(p.npsScore),
      retentionRate: String(p.retentionRate),
      productIds: [...productIds].sort(),
      certificationIds: [...certificationIds].sort(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: before ? "csm_profile.updated" : "csm_profile.created",
      entityType: "CsmProfile",
      entityId: profile.id,
      data: {
        userId: data.userId,
        before: before
          ? snapshot(
              { ...before, npsScore: before.npsScore.toString(), retentionRate: before.retentionRate.toString() },
              before.productExpertise.map((e) => e.productId),
              before.certifications.map((c) => c.productId),
            )
          : null,
        after: snapshot(fields, data.productIds, data.certificationIds),
      },
    });
    const settings = await getSettings(tx);
    return { warnings: tierRangeWarnings({ tier: data.tier, maxAccounts: data.maxAccounts, maxArrCents: data.maxArr }, settings.capacity) };
  });
}
