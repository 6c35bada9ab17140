// Word lists for the demo company: believable, varied, and small enough to read.

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas", "Mia", "Logan",
  "Amelia", "James", "Harper", "Benjamin", "Evelyn", "Elijah", "Abigail", "Daniel", "Emily", "Henry", "Ella",
  "Samuel", "Grace", "David", "Chloe", "Joseph", "Nora", "Carter", "Lily", "Owen", "Zoe", "Wyatt", "Hannah",
  "Jack", "Aria", "Luke", "Layla", "Gabriel", "Riley", "Isaac", "Leah", "Anthony", "Maya", "Julian", "Sofia",
  "Mateo", "Camila", "Diego", "Valentina", "Hiro", "Yuki", "Arjun", "Priya", "Wei", "Mei", "Lars", "Ingrid",
  "Felix", "Clara", "Luca", "Giulia", "Hugo", "Elise", "Tomás", "Lucía", "Kwame", "Amara", "Omar", "Leila",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
  "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Nakamura",
  "Tanaka", "Patel", "Sharma", "Chen", "Wang", "Larsen", "Johansson", "Müller", "Schmidt", "Rossi", "Bianchi",
  "Dubois", "Lefèvre", "Silva", "Costa", "Okafor", "Mensah", "Haddad", "Novak",
] as const;

export const COMPANY_PREFIXES = [
  "North", "Blue", "Silver", "Bright", "Iron", "Clear", "Red", "Summit", "Harbor", "Pine", "Stone", "River",
  "Cedar", "Atlas", "Nova", "Vertex", "Apex", "Lumen", "Orbit", "Quanta", "Sterling", "Granite", "Maple",
  "Falcon", "Beacon", "Crest", "Evergreen", "Keystone", "Meridian", "Pioneer", "Horizon", "Cobalt", "Aurora",
  "Zenith", "Sable", "Willow", "Coral", "Frontier", "Oak", "Polar",
] as const;

export const COMPANY_ROOTS = [
  "wind", "peak", "field", "bridge", "gate", "line", "point", "stone", "wave", "light", "path", "forge", "works",
  "leaf", "ridge", "view", "craft", "port", "spring", "mark",
] as const;

export const INDUSTRIES = [
  "Software", "Financial Services", "Healthcare", "Manufacturing", "Retail", "Logistics", "Education", "Media",
  "Professional Services", "Energy",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Words that make a company name sound like its industry. */
export const INDUSTRY_SUFFIXES: Record<Industry, readonly string[]> = {
  Software: ["Labs", "Systems", "Software", "Technologies", "Digital"],
  "Financial Services": ["Capital", "Financial", "Bank", "Payments", "Insurance"],
  Healthcare: ["Health", "Medical", "Clinics", "Care", "Biosciences"],
  Manufacturing: ["Industries", "Manufacturing", "Components", "Fabrication", "Machinery"],
  Retail: ["Retail", "Brands", "Outfitters", "Market", "Goods"],
  Logistics: ["Logistics", "Freight", "Shipping", "Transport", "Supply Co."],
  Education: ["Learning", "Academy", "Education", "University Partners", "Schools"],
  Media: ["Media", "Studios", "Publishing", "Broadcasting", "Entertainment"],
  "Professional Services": ["Consulting", "Partners", "Advisory", "Group", "Associates"],
  Energy: ["Energy", "Power", "Renewables", "Utilities", "Solar"],
};

export const REGIONS = ["NA", "EMEA", "APAC", "LATAM"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_WEIGHTS: ReadonlyArray<readonly [Region, number]> = [
  ["NA", 55],
  ["EMEA", 25],
  ["APAC", 12],
  ["LATAM", 8],
];

/** Time zones per region with the language most customers there work in. */
export const LOCALES: Record<Region, ReadonlyArray<{ timezone: string; language: string; weight: number }>> = {
  NA: [
    { timezone: "America/New_York", language: "English", weight: 40 },
    { timezone: "America/Chicago", language: "English", weight: 25 },
    { timezone: "America/Denver", language: "English", weight: 8 },
    { timezone: "America/Los_Angeles", language: "English", weight: 22 },
    { timezone: "America/Toronto", language: "English", weight: 5 },
  ],
  EMEA: [
    { timezone: "Europe/London", language: "English", weight: 35 },
    { timezone: "Europe/Berlin", language: "German", weight: 22 },
    { timezone: "Europe/Paris", language: "French", weight: 18 },
    { timezone: "Europe/Amsterdam", language: "English", weight: 10 },
    { timezone: "Europe/Madrid", language: "Spanish", weight: 8 },
    { timezone: "Europe/Stockholm", language: "English", weight: 7 },
  ],
  APAC: [
    { timezone: "Asia/Singapore", language: "English", weight: 35 },
    { timezone: "Australia/Sydney", language: "English", weight: 35 },
    { timezone: "Asia/Tokyo", language: "Japanese", weight: 20 },
    { timezone: "Asia/Kolkata", language: "English", weight: 10 },
  ],
  LATAM: [
    { timezone: "America/Sao_Paulo", language: "Portuguese", weight: 45 },
    { timezone: "America/Mexico_City", language: "Spanish", weight: 35 },
    { timezone: "America/Bogota", language: "Spanish", weight: 20 },
  ],
};

export interface ProductSpec {
  name: string;
  technical: boolean;
  /** Chance an account of each size buys it with its first deal. */
  attach: number;
}

export const PRODUCTS: readonly ProductSpec[] = [
  { name: "Baton Core Platform", technical: false, attach: 1 },
  { name: "Insights Analytics", technical: false, attach: 0.45 },
  { name: "Workflow Automation", technical: true, attach: 0.35 },
  { name: "Data Connect API", technical: true, attach: 0.3 },
  { name: "Customer Portal", technical: false, attach: 0.3 },
  { name: "Security & Compliance Suite", technical: true, attach: 0.2 },
  { name: "Mobile SDK", technical: true, attach: 0.12 },
  { name: "Premier Support", technical: false, attach: 0.25 },
];

export const CONTACT_TITLES = {
  CHAMPION: ["Director of Operations", "Head of Customer Experience", "Senior Operations Manager", "Program Lead"],
  ECONOMIC_BUYER: ["Chief Operating Officer", "VP Finance", "Chief Revenue Officer", "VP Operations"],
  EXECUTIVE_SPONSOR: ["Chief Executive Officer", "Chief Digital Officer", "SVP Strategy"],
  TECHNICAL_LEAD: ["IT Director", "Solutions Architect", "Head of Engineering", "Data Platform Lead"],
  USER: ["Operations Analyst", "Team Lead", "Business Analyst", "Account Coordinator"],
  OTHER: ["Procurement Manager", "Legal Counsel"],
} as const;

export const PAIN_POINTS = [
  "Manual reporting takes the team two days a month",
  "No single view of customer data across regions",
  "Spreadsheet-driven processes break at scale",
  "Slow onboarding of new team members",
  "Audit findings on access controls",
  "Low adoption of the current tool",
  "Duplicate data entry between CRM and ERP",
  "Leadership lacks real-time visibility",
  "Legacy system reaching end of support",
  "High cost of the incumbent vendor",
];

export const DEAL_RISKS = [
  "Champion is new in role",
  "Tight go-live date before fiscal year end",
  "IT team stretched by a parallel ERP project",
  "Budget approved for one year only",
  "Competitor still in use by one division",
  "Data migration from legacy system is complex",
  "Executive sponsor leaving next quarter",
  "Security review still open",
];

export const TECHNICAL_REQUIREMENTS = [
  "SSO via Okta (SAML)",
  "SCIM user provisioning",
  "EU data residency",
  "Custom field mapping for 40+ objects",
  "Nightly bulk export to the data warehouse",
  "Role-based access with regional scoping",
  "Audit log export to SIEM",
  "Sandbox environment for testing",
];

export const INTEGRATIONS = [
  "Salesforce", "HubSpot", "Slack", "Microsoft Teams", "Snowflake", "NetSuite", "Zendesk", "Jira", "Okta",
  "SAP", "Workday", "BigQuery",
];

export const COMPETITORS = ["Gainsight", "ChurnZero", "Totango", "Planhat", "Vitally", "In-house build", ""];

export const WIN_REASONS = [
  "Best fit for multi-region workflows",
  "Faster time to value in the pilot",
  "Strong integration with their CRM",
  "Price and flexible terms",
  "Executive relationship and references",
  "Superior analytics and reporting",
  "Security and compliance posture",
];

export const IMPLEMENTATION_TIMELINES = [
  "Kick-off in week 1, pilot team live in 3 weeks, full rollout in 8 weeks",
  "Phased: core platform in 30 days, integrations in 60 days",
  "Go-live within 4 weeks; training for 25 users in week 2",
  "Six-week implementation with weekly steering calls",
  "Two regions first (30 days), remaining regions in Q2",
];

export const SUCCESS_CRITERIA = [
  "Cut monthly reporting time by 50%",
  "90% weekly active users within 60 days",
  "Single dashboard for leadership by end of quarter",
  "Retire the legacy tool before contract end",
  "Reduce onboarding time for new hires to one week",
];
