import "server-only";
import { cache } from "react";
import { getSettings } from "@/lib/server/settings/get-settings";

/** The settings once per page render: the layout and several reads of one page share one query. */
export const requestSettings = cache(() => getSettings());
