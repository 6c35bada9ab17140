"use client";

import { saveCalendarProfileAction } from "@/components/profile/actions";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextInput } from "@/components/handoffs/wizard/fields";
import { Button } from "@/components/ui/button";
import { calendarProfileSchema, type CalendarProfileInput } from "@/lib/users/calendar-profile";

export function CalendarProfileForm({ values, defaults }: { values: CalendarProfileInput; defaults: { timezone: string; workdayStart: string; workdayEnd: string } }) {
  const { form, onSubmit, formError, message } = useActionForm(calendarProfileSchema, saveCalendarProfileAction, { defaultValues: values });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <TextInput label="Time zone" hint={`Empty: ${defaults.timezone}`} {...form.register("timezone")} error={errors.timezone?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput label="Workday starts" type="time" hint={`Empty: ${defaults.workdayStart}`} {...form.register("workdayStart")} error={errors.workdayStart?.message} />
        <TextInput label="Workday ends" type="time" hint={`Empty: ${defaults.workdayEnd}`} {...form.register("workdayEnd")} error={errors.workdayEnd?.message} />
      </div>
      <TextInput label="Free/busy calendar address (iCalendar)" hint="The secret .ics address of your calendar; only busy times are read" {...form.register("freeBusyUrl")} error={errors.freeBusyUrl?.message} />
      <FormMessages error={formError} message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Save</Button>
    </form>
  );
}
