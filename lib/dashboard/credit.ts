// AE expansion credit (SPEC.md, policy 003): the original AE keeps `ratePercent` of the expansion ARR booked on
// the account within `windowMonths` of the initial signing, while still the account's AE.
//
// Rounding: the credit is computed once on the AE's total expansion ARR in the period (never per movement, so the
// rows of a drill-down add up to the total and the credit follows from it), exactly in integers, and rounded
// half up to the cent: 12,345.67 × 10 % = 1,234.567 → 1,234.57.

const MAX_RATE_DECIMALS = 6;

/** The rate as an exact fraction of 100: 7.25 → 725 / 10000 (of a percent). */
function rateFraction(ratePercent: number): { numerator: bigint; denominator: bigint } {
  if (!Number.isFinite(ratePercent) || ratePercent < 0) throw new RangeError(`Not a credit rate: ${ratePercent}`);
  const [whole = "0", fraction = ""] = ratePercent.toFixed(MAX_RATE_DECIMALS).split(".");
  const digits = fraction.replace(/0+$/, "");
  return { numerator: BigInt(whole + digits), denominator: 100n * 10n ** BigInt(digits.length) };
}

export function expansionCreditCents(expansionCents: bigint, ratePercent: number): bigint {
  const { numerator, denominator } = rateFraction(ratePercent);
  const negative = expansionCents < 0n;
  const product = (negative ? -expansionCents : expansionCents) * numerator;
  // Half up: add half the denominator before the integer division.
  const rounded = (product * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
