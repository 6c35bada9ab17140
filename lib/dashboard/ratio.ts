// Ratios of exact integer sums (cents, counts). The division is done once, on integers scaled to a millionth,
// so a figure like 57,345.67 / 80,346.17 is the same on every run and machine.

export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return Number((numerator * 1_000_000n) / denominator) / 1_000_000;
}

export function countRatio(numerator: number, denominator: number): number | null {
  return ratio(BigInt(numerator), BigInt(denominator));
}
