/**
 * "Did you mean": the known name nearest to a misspelt one, by
 * optimal-string-alignment distance (insertions, deletions, substitutions
 * and swaps of neighbours, so `data-sclae` is one edit from `data-scale`).
 */

/** Edits allowed for a name of this length: one for short names, two from six characters on. */
function allowance(name: string): number {
  return name.length < 6 ? 1 : 2;
}

export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/** The nearest of `known` within the allowance, else undefined; ties go to the first. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= allowance(best) ? best : undefined;
}
