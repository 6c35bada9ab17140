import { z } from "zod";
import { calendarDay } from "@/lib/input/dates";

// Forms of the four policy steps, the skip and the acknowledgment: one schema each, used by the browser
// form (react-hook-form) and again by the server.

const isoDate = (message: string) => calendarDay(message);
const clock = (message: string) => z.string().regex(/^\d{2}:\d{2}$/, message);

export const handoffMeetingSchema = z.object({
  date: isoDate("Choose the meeting date"),
  time: clock("Choose the meeting time"),
  durationMinutes: z.coerce.number<string | number>().int().min(15, "At least 15 minutes").max(240, "At most 4 hours"),
  csManagerId: z.string().min(1, "Choose the CS manager who attends"),
  otherAttendees: z.string().max(1000),
  notes: z.string().trim().min(10, "Note what was briefed: history, pain points, agreed ROI metrics").max(5000),
});

export const introductionSchema = z.object({
  to: z.string().trim().min(1, "Add the customer's e-mail address").max(1000),
  subject: z.string().trim().min(1, "Write a subject").max(300),
  body: z.string().trim().min(20, "Write the introduction").max(20_000),
});

export const accountSetupSchema = z.object({
  environmentProvisioned: z.literal(true, "Confirm the client environment is provisioned"),
  environmentUrl: z.union([z.literal(""), z.url("Enter the environment's address, e.g. https://acme.example.com")]),
  kickoffDate: isoDate("Choose the kick-off date"),
  kickoffTime: clock("Choose the kick-off time"),
  milestones: z
    .array(z.object({ name: z.string().trim().min(1, "Name the milestone").max(200), dueDate: isoDate("Choose the milestone's date") }))
    .min(1, "Add at least one project plan milestone")
    .max(30),
});

export const skipSchema = z.object({
  reason: z.string().trim().min(10, "Give a reason of at least 10 characters").max(1000),
});

export const acknowledgeSchema = z.object({
  rating: z.coerce.number<string | number>().int().min(1, "Rate the handoff from 1 to 5").max(5, "Rate the handoff from 1 to 5"),
  comment: z.string().trim().max(2000),
});

export const handoffIdField = { handoffId: z.string().min(1) };
