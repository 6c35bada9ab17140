"use client";

import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { handoffMeetingTimesAction, logHandoffMeetingAction } from "@/components/handoffs/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField, TextArea, TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { handoffMeetingSchema } from "@/lib/handoff/forms";

export interface MeetingFormProps {
  handoffId: string;
  csManagers: { id: string; name: string }[];
  defaultDate: string;
  timezone: string;
  canLog: boolean;
  logged: { when: string; attendees: string[]; notes: string } | null;
}

export function MeetingForm({ handoffId, csManagers, defaultDate, timezone, canLog, logged }: MeetingFormProps) {
  const { form, onSubmit, formError, message } = useActionForm(handoffMeetingSchema, logHandoffMeetingAction, {
    defaultValues: { date: defaultDate, time: "10:00", durationMinutes: 30, csManagerId: "", otherAttendees: "", notes: "" },
    extra: { handoffId },
  });
  const errors = form.formState.errors;
  const csManagerId = useWatch({ control: form.control, name: "csManagerId" });
  const [slots, setSlots] = useState<{ startsAt: string; label: string; date: string; time: string }[] | null>(null);
  // Once the CS manager is chosen: the next half hours both of you are free, one click to take one.
  useEffect(() => {
    if (!canLog || !csManagerId) return;
    let current = true;
    void handoffMeetingTimesAction({ handoffId, csManagerId }).then((result) => {
      if (current) setSlots(result.ok ? result.data : []);
    });
    return () => {
      current = false;
    };
  }, [canLog, csManagerId, handoffId]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Internal briefing between the AE and a CS manager on the customer's history, pain points and agreed ROI metrics. Logged on the deal and the account.</p>
      {logged ? (
        <div className="rounded-md bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Logged: {logged.when}</p>
          <p>Attendees: {logged.attendees.join(", ")}</p>
          <p className="mt-1 whitespace-pre-line text-slate-700">{logged.notes}</p>
        </div>
      ) : null}
      {canLog ? (
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
          <TextInput label="Meeting date" type="date" {...form.register("date")} error={errors.date?.message} />
          <TextInput label={`Meeting time (${timezone})`} type="time" {...form.register("time")} error={errors.time?.message} />
          <TextInput label="Duration (minutes)" type="number" {...form.register("durationMinutes")} error={errors.durationMinutes?.message} />
          <SelectField label="CS manager" options={csManagers.map((m) => ({ value: m.id, label: m.name }))} {...form.register("csManagerId")} error={errors.csManagerId?.message} />
          {slots && csManagerId ? (
            <div className="sm:col-span-2">
              <p className="text-sm text-slate-600">{slots.length > 0 ? "Times you are both free:" : "No common free time in the next three weeks; enter one."}</p>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                {slots.map((slot) => (
                  <li key={slot.startsAt}>
                    <button type="button" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => { form.setValue("date", slot.date, { shouldDirty: true }); form.setValue("time", slot.time, { shouldDirty: true }); form.setValue("durationMinutes", 30, { shouldDirty: true }); }}>
                      Use {slot.label}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="sm:col-span-2"><TextInput label="Other attendees (e-mails)" {...form.register("otherAttendees")} error={errors.otherAttendees?.message} /></div>
          <div className="sm:col-span-2"><TextArea label="Meeting notes" {...form.register("notes")} error={errors.notes?.message} /></div>
          <div className="space-y-2 sm:col-span-2">
            <FormMessages error={formError} message={message} />
            <Button type="submit" disabled={form.formState.isSubmitting}>{logged ? "Log another meeting" : "Log handoff meeting"}</Button>
          </div>
        </form>
      ) : !logged ? (
        <p className="text-sm text-slate-500">The deal's AE or a CS manager logs this meeting.</p>
      ) : null}
    </div>
  );
}
