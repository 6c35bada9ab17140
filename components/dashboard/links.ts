import type { DrillTableId } from "@/lib/dashboard/drill-columns";
import { cutQuery, type DashboardParams } from "@/lib/dashboard/params";

// Links that keep the period and cuts of the current view.

export function detailsHref(table: DrillTableId, params: DashboardParams, extra: Record<string, string | number | undefined> = {}): string {
  return `/dashboard/details/${table}${cutQuery(params, extra)}`;
}

export function csvHref(table: string, params: DashboardParams, extra: Record<string, string | number | undefined> = {}): string {
  return `/dashboard/export/${table}${cutQuery(params, extra)}`;
}
