import type { ArrMovementType, ContactRole, DocumentKind, Priority, DealStage, HandoffStatus, HandoffType, RenewalStage, RiskLevel, Segment, TouchpointStatus, TouchpointType } from "@/lib/generated/prisma/enums";

export const SEGMENT_LABELS: Record<Segment, string> = { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" };

export const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  COMPLETED: "Completed",
  ACKNOWLEDGED: "Acknowledged",
  SKIPPED: "Skipped",
};

export const HANDOFF_TYPE_LABELS: Record<HandoffType, string> = {
  NEW_CUSTOMER: "New customer",
  RENEWAL: "Renewal",
  EXPANSION: "Expansion",
};

export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
  PROSPECTING: "Prospecting",
  DISCOVERY: "Discovery",
  PROPOSAL: "Proposal",
  NEGOTIATION: "Negotiation",
  CLOSED_WON: "Closed won",
  CLOSED_LOST: "Closed lost",
};

export const TOUCHPOINT_LABELS: Record<TouchpointType, string> = {
  HANDOFF_CALL: "Handoff call",
  KICKOFF: "Kickoff call",
  TRAINING: "Training",
  GO_LIVE: "Go-live",
  CHECK_IN: "2-week check-in",
  HEALTH_CHECK: "30-day health check",
  QBR: "QBR",
  RENEWAL_PLANNING: "Renewal planning",
  RENEWAL_CALL: "Renewal call",
  RENEWAL_CLOSE: "Renewal close",
};

export const RENEWAL_STAGE_LABELS: Record<RenewalStage, string> = {
  RENEWAL_PENDING: "Renewal pending",
  PLANNING: "Planning",
  NEGOTIATION: "Negotiation",
  COMMITTED: "Committed",
  CLOSED_WON: "Closed won",
  CLOSED_LOST: "Closed lost",
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

export const TOUCHPOINT_STATUS_LABELS: Record<TouchpointStatus, string> = { PLANNED: "Planned", DONE: "Done", CANCELLED: "Cancelled" };

export const ARR_MOVEMENT_LABELS: Record<ArrMovementType, string> = {
  NEW: "New",
  EXPANSION: "Expansion",
  CONTRACTION: "Contraction",
  CHURN: "Churn",
  RENEWAL: "Renewal",
};

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  CHAMPION: "Champion",
  ECONOMIC_BUYER: "Economic buyer",
  EXECUTIVE_SPONSOR: "Executive sponsor",
  TECHNICAL_LEAD: "Technical lead",
  USER: "User",
  OTHER: "Other",
};

export const PRIORITY_LABELS: Record<Priority, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  SIGNED_CONTRACT: "Signed contract",
  SOW: "Statement of work (SOW)",
  VALUE_PROJECTION: "Value projection",
  OTHER: "Other",
};

/** Touchpoint names as the seed's "Handoff Complete" format writes them ("Kickoff Call", "2-Week Check-in"). */
export const HANDOFF_FORMAT_TOUCHPOINT_LABELS: Record<TouchpointType, string> = {
  HANDOFF_CALL: "Handoff Call",
  KICKOFF: "Kickoff Call",
  TRAINING: "Training",
  GO_LIVE: "Go-Live",
  CHECK_IN: "2-Week Check-in",
  HEALTH_CHECK: "30-Day Health Check",
  QBR: "QBR",
  RENEWAL_PLANNING: "Renewal Planning",
  RENEWAL_CALL: "Renewal Call",
  RENEWAL_CLOSE: "Renewal Close",
};

/** Renewal stages as the format writes them ("Renewal Pending"). */
export const HANDOFF_FORMAT_STAGE_LABELS: Record<RenewalStage, string> = {
  RENEWAL_PENDING: "Renewal Pending",
  PLANNING: "Planning",
  NEGOTIATION: "Negotiation",
  COMMITTED: "Committed",
  CLOSED_WON: "Closed Won",
  CLOSED_LOST: "Closed Lost",
};
