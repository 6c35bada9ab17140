// An account's renewals as chains of terms (SPEC "The revenue ledger"): a renewal closed won is carried by its renewal
// deal, whose own renewal opportunity is the next term. Co-termed renewals renewed by one deal share the next term.

export interface ChainRenewal {
  id: string;
  originalDealId: string;
  /** Closed won: the renewal deal that carries the next term. */
  renewedByDealId: string | null;
}

/** Each renewal's term number (the first term of a contract is 1) and the renewal it continues, in input order. */
export function termNumbers<R extends ChainRenewal>(renewals: readonly R[]): (R & { term: number; previousIds: string[] })[] {
  const byDeal = new Map<string, R[]>();
  for (const renewal of renewals) {
    if (!renewal.renewedByDealId) continue;
    byDeal.set(renewal.renewedByDealId, [...(byDeal.get(renewal.renewedByDealId) ?? []), renewal]);
  }
  const terms = new Map<string, number>();
  const termOf = (renewal: R, seen: Set<string>): number => {
    const known = terms.get(renewal.id);
    if (known !== undefined) return known;
    if (seen.has(renewal.id)) return 1;
    seen.add(renewal.id);
    const previous = byDeal.get(renewal.originalDealId) ?? [];
    const term = previous.length === 0 ? 1 : 1 + Math.max(...previous.map((entry) => termOf(entry, seen)));
    terms.set(renewal.id, term);
    return term;
  };
  return renewals.map((renewal) => ({
    ...renewal,
    term: termOf(renewal, new Set()),
    previousIds: (byDeal.get(renewal.originalDealId) ?? []).map((entry) => entry.id),
  }));
}
