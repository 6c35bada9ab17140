import type { Metadata } from "next";
import { CalendarProfileForm } from "@/components/profile/calendar-profile-form";
import { formatDateTime } from "@/lib/format";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { getCalendarProfile } from "@/lib/server/users/calendar-profile";

export const metadata: Metadata = { title: "My calendar" };

export default async function ProfilePage() {
  const user = await pageUser();
  const profile = await loadPage(() => getCalendarProfile(user));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">My calendar and working hours</h1>
      <p className="text-sm text-slate-600">
        Baton offers handoff calls and meetings at times you and the other person are both free: inside both workdays, in each one&apos;s time zone, clear of your Baton meetings and touchpoints and of the busy times of the calendar you link here.
      </p>
      <CalendarProfileForm values={profile.values} defaults={profile.defaults} />
      {profile.values.freeBusyUrl ? (
        <p className="text-sm text-slate-600" role="status">
          {profile.feed.error
            ? profile.feed.error
            : profile.feed.fetchedAt
              ? `Calendar read ${formatDateTime(profile.feed.fetchedAt, profile.defaults.timezone)}: ${profile.feed.busyTimes} busy times in the next 30 days.`
              : "The calendar will be read in a moment."}
        </p>
      ) : null}
    </div>
  );
}
