import type { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import type { Region } from "@/lib/demo/catalogue";
import type { Rng } from "@/lib/demo/random";

// The revenue team: fixed, hand-picked people so the demo reads the same every time.

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: "AE" | "CSM" | "CS_MANAGER" | "LEADERSHIP" | "ADMIN";
  managerEmail: string | null;
}

export interface CsmSpec {
  email: string;
  name: string;
  tier: Segment;
  region: Region;
  timezone: string;
  languages: string[];
  managerEmail: string;
  /** Share of the tier's assigned accounts this CSM carries. */
  share: number;
  /** Target accounts / max accounts; > 0.8 and > 0.9 show up as near capacity. */
  fill: number;
  industries: string[];
  /** Product names they know well, and the technical ones they are certified on. */
  expertise: string[];
  certified: string[];
  nps: number;
  retention: number;
  /** A second segment the CSM has worked in (scoring's segment expertise). */
  alsoCovers?: Segment;
}

export function segmentsOf(csm: CsmSpec): Segment[] {
  return csm.alsoCovers ? [csm.tier, csm.alsoCovers] : [csm.tier];
}

export interface AeSpec {
  email: string;
  name: string;
  /** Weight of each segment in this AE's territory. */
  segments: Partial<Record<Segment, number>>;
}

export const DEMO_PASSWORD = "baton-demo";
export const VP_SALES_EMAIL = "marcus.reyes@baton.test";
export const SECOND_MANAGER_EMAIL = "tom.becker@baton.test";

const CORE = "Baton Core Platform";
const ANALYTICS = "Insights Analytics";
const WORKFLOW = "Workflow Automation";
const API = "Data Connect API";
const PORTAL = "Customer Portal";
const SECURITY = "Security & Compliance Suite";
const MOBILE = "Mobile SDK";
const SUPPORT = "Premier Support";

export const CSMS: readonly CsmSpec[] = [
  // Enterprise: few, large books.
  { email: "olivia.bennett@baton.test", name: "Olivia Bennett", tier: "ENTERPRISE", region: "NA", timezone: "America/New_York", languages: ["English"], managerEmail: "manager@baton.test", share: 0.36, fill: 0.93, industries: ["Financial Services", "Healthcare", "Software"], expertise: [CORE, ANALYTICS, WORKFLOW, API, SECURITY], certified: [WORKFLOW, API, SECURITY, MOBILE], nps: 64, retention: 97.5, alsoCovers: "MID_MARKET" },
  { email: "henrik.larsen@baton.test", name: "Henrik Larsen", tier: "ENTERPRISE", region: "EMEA", timezone: "Europe/London", languages: ["English", "German"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.27, fill: 0.85, industries: ["Manufacturing", "Energy", "Logistics"], expertise: [CORE, WORKFLOW, API, SUPPORT], certified: [WORKFLOW, API, SECURITY], nps: 48, retention: 95.2 },
  { email: "grace.okafor@baton.test", name: "Grace Okafor", tier: "ENTERPRISE", region: "NA", timezone: "America/Los_Angeles", languages: ["English"], managerEmail: "manager@baton.test", share: 0.22, fill: 0.72, industries: ["Media", "Retail", "Software"], expertise: [CORE, ANALYTICS, PORTAL, MOBILE], certified: [MOBILE, API], nps: 55, retention: 96.1 },
  { email: "aiko.tanaka@baton.test", name: "Aiko Tanaka", tier: "ENTERPRISE", region: "APAC", timezone: "Asia/Singapore", languages: ["English", "Japanese"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.15, fill: 0.55, industries: ["Financial Services", "Software", "Education"], expertise: [CORE, ANALYTICS, SECURITY], certified: [SECURITY, WORKFLOW], nps: 41, retention: 93.8 },
  // Mid-Market.
  { email: "csm@baton.test", name: "Sam Rivera", tier: "MID_MARKET", region: "NA", timezone: "America/Chicago", languages: ["English", "Spanish"], managerEmail: "manager@baton.test", share: 0.3, fill: 0.62, industries: ["Software", "Retail", "Professional Services"], expertise: [CORE, ANALYTICS, WORKFLOW, PORTAL], certified: [WORKFLOW, API], nps: 52, retention: 94.6, alsoCovers: "SCALE" },
  { email: "priya.patel@baton.test", name: "Priya Patel", tier: "MID_MARKET", region: "NA", timezone: "America/New_York", languages: ["English", "Hindi"], managerEmail: "manager@baton.test", share: 0.32, fill: 0.93, industries: ["Healthcare", "Financial Services", "Education"], expertise: [CORE, ANALYTICS, SECURITY, SUPPORT], certified: [SECURITY, API], nps: 67, retention: 96.4 },
  { email: "lukas.schmidt@baton.test", name: "Lukas Schmidt", tier: "MID_MARKET", region: "EMEA", timezone: "Europe/Berlin", languages: ["English", "German"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.24, fill: 0.7, industries: ["Manufacturing", "Logistics", "Energy"], expertise: [CORE, WORKFLOW, API], certified: [WORKFLOW, API, MOBILE], nps: 38, retention: 91.7, alsoCovers: "ENTERPRISE" },
  { email: "camila.costa@baton.test", name: "Camila Costa", tier: "MID_MARKET", region: "LATAM", timezone: "America/Sao_Paulo", languages: ["Portuguese", "Spanish", "English"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.14, fill: 0.5, industries: ["Retail", "Media", "Logistics"], expertise: [CORE, PORTAL, ANALYTICS], certified: [MOBILE], nps: 58, retention: 93.1 },
  // Scale: pooled coverage of many small accounts.
  { email: "ethan.walker@baton.test", name: "Ethan Walker", tier: "SCALE", region: "NA", timezone: "America/New_York", languages: ["English"], managerEmail: "manager@baton.test", share: 0.24, fill: 0.3, industries: ["Software", "Professional Services", "Retail"], expertise: [CORE, ANALYTICS, PORTAL], certified: [WORKFLOW], nps: 29, retention: 89.4 },
  { email: "mia.johnson@baton.test", name: "Mia Johnson", tier: "SCALE", region: "NA", timezone: "America/Denver", languages: ["English"], managerEmail: "manager@baton.test", share: 0.22, fill: 0.28, industries: ["Healthcare", "Education", "Media"], expertise: [CORE, PORTAL, SUPPORT], certified: [], nps: 44, retention: 90.8 },
  { email: "noah.clark@baton.test", name: "Noah Clark", tier: "SCALE", region: "NA", timezone: "America/Los_Angeles", languages: ["English", "Spanish"], managerEmail: "manager@baton.test", share: 0.2, fill: 0.25, industries: ["Software", "Logistics", "Manufacturing"], expertise: [CORE, WORKFLOW, API], certified: [WORKFLOW, API], nps: 35, retention: 88.2 },
  { email: "chloe.dubois@baton.test", name: "Chloe Dubois", tier: "SCALE", region: "EMEA", timezone: "Europe/Paris", languages: ["English", "French"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.2, fill: 0.27, industries: ["Retail", "Media", "Professional Services"], expertise: [CORE, ANALYTICS], certified: [], nps: 47, retention: 90.1 },
  { email: "owen.parker@baton.test", name: "Owen Parker", tier: "SCALE", region: "NA", timezone: "America/Chicago", languages: ["English"], managerEmail: "manager@baton.test", share: 0.18, fill: 0.24, industries: ["Financial Services", "Energy", "Manufacturing"], expertise: [CORE, ANALYTICS, SUPPORT], certified: [WORKFLOW], nps: 31, retention: 88.9 },
  { email: "wei.chen@baton.test", name: "Wei Chen", tier: "SCALE", region: "APAC", timezone: "Australia/Sydney", languages: ["English", "Mandarin"], managerEmail: SECOND_MANAGER_EMAIL, share: 0.14, fill: 0.22, industries: ["Software", "Education", "Financial Services"], expertise: [CORE, PORTAL, API], certified: [API], nps: 22, retention: 86.9 },
];

export const AES: readonly AeSpec[] = [
  { email: "ae@baton.test", name: "Jamie Brooks", segments: { MID_MARKET: 3, ENTERPRISE: 0.6, SCALE: 1 } },
  { email: "ryan.mitchell@baton.test", name: "Ryan Mitchell", segments: { ENTERPRISE: 3, MID_MARKET: 0.5 } },
  { email: "leila.haddad@baton.test", name: "Leila Haddad", segments: { ENTERPRISE: 2.5, MID_MARKET: 1 } },
  { email: "sofia.martinez@baton.test", name: "Sofia Martinez", segments: { MID_MARKET: 2.5, SCALE: 0.5 } },
  { email: "daniel.evans@baton.test", name: "Daniel Evans", segments: { MID_MARKET: 2, SCALE: 1 } },
  { email: "chris.turner@baton.test", name: "Chris Turner", segments: { SCALE: 3 } },
  { email: "hannah.wright@baton.test", name: "Hannah Wright", segments: { SCALE: 3, MID_MARKET: 0.3 } },
];

const STAFF: ReadonlyArray<Omit<DemoUser, "id">> = [
  { email: "admin@baton.test", name: "Jordan Avery", role: "ADMIN", managerEmail: null },
  { email: "leader@baton.test", name: "Dana Whitfield", role: "LEADERSHIP", managerEmail: null },
  { email: VP_SALES_EMAIL, name: "Marcus Reyes", role: "LEADERSHIP", managerEmail: null },
  { email: "manager@baton.test", name: "Rachel Kim", role: "CS_MANAGER", managerEmail: "leader@baton.test" },
  { email: SECOND_MANAGER_EMAIL, name: "Tom Becker", role: "CS_MANAGER", managerEmail: "leader@baton.test" },
];

export function buildUsers(rng: Rng): DemoUser[] {
  const people: Array<Omit<DemoUser, "id">> = [
    ...STAFF,
    ...CSMS.map((csm) => ({ email: csm.email, name: csm.name, role: "CSM" as const, managerEmail: csm.managerEmail })),
    ...AES.map((ae) => ({ email: ae.email, name: ae.name, role: "AE" as const, managerEmail: VP_SALES_EMAIL })),
  ];
  return people.map((person) => ({ ...person, id: rng.id() }));
}

/** User rows with managers resolved; managers come before their reports in the list. */
export function userRows(users: readonly DemoUser[], passwordHash: string): Prisma.UserCreateManyInput[] {
  const byEmail = new Map(users.map((user) => [user.email, user]));
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash,
    managerId: user.managerEmail ? (byEmail.get(user.managerEmail)?.id ?? null) : null,
  }));
}
