// `npm run ledger:repair` (add `-- --apply` to write): the one-off repair for data from before the revenue ledger, on
// DATABASE_URL. Lists (or writes) the ARR movements missing for closed-won new-business and expansion deals and the
// next terms missing for renewals closed won. Exits 1 when the ledger refused a fix (the report says which and why).
async function main() {
  const apply = process.argv.includes("--apply");
  const { prisma } = await import("@/lib/db");
  const { repairLedger } = await import("@/lib/server/ledger/repair-ledger");
  const report = await repairLedger({ apply });
  const verb = apply ? "Wrote" : "Would write";
  console.log(`${verb} the ARR movement of ${report.movementsWritten.length} closed-won deal(s)${report.movementsWritten.length ? `: ${report.movementsWritten.join(", ")}` : ""}.`);
  console.log(`${apply ? "Opened" : "Would open"} the next term of ${report.nextTermsOpened.length} renewal(s) closed won.`);
  for (const refused of report.refused) console.log(`Refused: ${refused.record}: ${refused.reason}`);
  if (!apply && (report.movementsWritten.length > 0 || report.nextTermsOpened.length > 0)) console.log("Run again with --apply to write them.");
  await prisma.$disconnect();
  process.exit(report.refused.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
