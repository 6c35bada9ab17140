"use server";

import { contractTermsSchema, decideCheckpointSchema, overrideForecastSchema, recordCheckpointSchema, setForecastSchema } from "@/lib/forecast/forms";
import { runAction } from "@/lib/server/actions/run-action";
import { decideCheckpoint, recordCheckpoint } from "@/lib/server/forecast/checkpoints";
import { overrideForecast, setForecast } from "@/lib/server/forecast/set-forecast";
import { updateContractTerms } from "@/lib/server/forecast/update-contract-terms";

const revalidate = ["/renewals", "/forecast"];

export async function setForecastAction(input: unknown) {
  return runAction(setForecastSchema, input, (user, data) => setForecast(user, data), { revalidate, message: "Forecast saved." });
}

export async function overrideForecastAction(input: unknown) {
  return runAction(overrideForecastSchema, input, (user, data) => overrideForecast(user, data), { revalidate, message: "Override saved; the CSM's call is kept beside it." });
}

export async function recordCheckpointAction(input: unknown) {
  return runAction(recordCheckpointSchema, input, (user, data) => recordCheckpoint(user, data), { revalidate, message: "Call recorded at the checkpoint." });
}

export async function decideCheckpointAction(input: unknown) {
  return runAction(decideCheckpointSchema, input, (user, data) => decideCheckpoint(user, data), { revalidate, message: "Checkpoint decided." });
}

export async function updateContractTermsAction(input: unknown) {
  return runAction(contractTermsSchema, input, (user, data) => updateContractTerms(user, data), { revalidate, message: "Contract terms saved." });
}
