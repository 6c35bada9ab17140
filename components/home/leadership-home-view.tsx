import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { Stat } from "@/components/ui/stat";
import { formatCents, formatCentsWhole, formatDate, formatPercent } from "@/lib/format";
import type { LeadershipHome } from "@/lib/server/home/leadership-home";

function meets(ratio: number | null, targetPct: number): "good" | "bad" | undefined {
  if (ratio === null) return undefined;
  return ratio * 100 > targetPct ? "good" : "bad";
}

function arrHint(home: LeadershipHome): string {
  const customers = `${home.activeCustomers} paying customer${home.activeCustomers === 1 ? "" : "s"} today`;
  if (home.contracted.cents === 0n) return customers;
  const sign = home.contracted.cents > 0n ? "+" : "";
  return `${customers} · ${sign}${formatCents(home.contracted.cents)} contracted${home.contracted.from ? `, starts ${formatDate(home.contracted.from)}` : ""}`;
}

export function LeadershipHomeView({ home }: { home: LeadershipHome }) {
  const { trailingYear: figures, targets } = home;
  const period = `${formatDate(home.periodStart)} – ${formatDate(home.periodEnd)}`;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Total ARR" value={formatCents(home.totalArrCents)} hint={arrHint(home)} href="/accounts?arr=paying" />
        <Stat
          label="Gross revenue retention"
          value={formatPercent(figures.grossRetention)}
          hint={`Last 12 complete months · target > ${targets.grossRetentionPct}%`}
          tone={meets(figures.grossRetention, targets.grossRetentionPct)}
          href="/dashboard"
        />
        <Stat
          label="Net revenue retention"
          value={formatPercent(figures.netRetention)}
          hint={`Last 12 complete months · target > ${targets.netRetentionPct}%`}
          tone={meets(figures.netRetention, targets.netRetentionPct)}
          href="/dashboard"
        />
        <Stat label="Logo retention" value={formatPercent(figures.logoRetention)} hint={`${figures.retainedAccounts} of ${figures.cohortAccounts} cohort accounts`} href="/dashboard" />
      </div>
      <Panel title="How these are computed">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium">Cohort ({period})</dt>
            <dd className="text-slate-700">
              Accounts with ARR above zero before {formatDate(home.periodStart)}: {figures.cohortAccounts} accounts, {formatCentsWhole(figures.startArrCents)} starting ARR. Customers new during the period are not in it.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Gross and net retention</dt>
            <dd className="text-slate-700">
              GRR = Σ min(end, start) ÷ Σ start = {formatCentsWhole(figures.retainedArrCents)} ÷ {formatCentsWhole(figures.startArrCents)}. NRR = Σ end ÷ Σ start = {formatCentsWhole(figures.endArrCents)} ÷ {formatCentsWhole(figures.startArrCents)}.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Renewals due in the next 90 days</dt>
            <dd className="text-slate-700">
              <Link prefetch={false} href="/renewals?due=90" className="text-brand-700 underline">{home.renewalsNext90.count} open renewals</Link> worth {formatCentsWhole(home.renewalsNext90.arrCents)}.
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-sm">
          <Link prefetch={false} href="/dashboard" className="font-medium text-brand-700 underline">
            Open the dashboard
          </Link>{" "}
          <span className="text-slate-700">for trends, renewal visibility, time to first value, handoffs and cuts by segment, CSM and AE.</span>
        </p>
      </Panel>
    </div>
  );
}
