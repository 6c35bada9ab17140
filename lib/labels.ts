import type { DealStage, HandoffStatus, HandoffType, Segment, TouchpointType } from "@/lib/generated/prisma/enums";

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
