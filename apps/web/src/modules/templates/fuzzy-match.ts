/**
 * A small scored fuzzy matcher for the template pickers: the query's characters must appear in the
 * target in order (case and accents ignored, spaces in the query ignored); matches at word starts
 * and runs of consecutive characters score higher, gaps lower. The best alignment is found by
 * dynamic programming, so "ordst" prefers "ORDer STatus" over scattered letters.
 */

export interface FuzzyMatch {
  score: number;
  /** Positions (in code points) of the matched characters in the target, for highlighting. */
  indices: number[];
}

const MATCH = 16;
const WORD_START = 24;
const CONSECUTIVE = 20;
const GAP = 2;
const LEADING_GAP = 0.5;
const NONE = Number.NEGATIVE_INFINITY;

/** One character, lower-cased and without its accent. */
function fold(char: string): string {
  return char.normalize('NFD').charAt(0).toLowerCase();
}

function isWordStart(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1];
  const cur = chars[i] ?? '';
  if (prev === undefined || !/[\p{L}\p{N}]/u.test(prev)) return true;
  // camelCase and letter→digit boundaries also start a word.
  return (/\p{Ll}/u.test(prev) && /\p{Lu}/u.test(cur)) || (/\p{L}/u.test(prev) && /\p{N}/u.test(cur));
}

/** The best match of `query` in `target`, or null when its characters do not all appear in order. */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const q = [...query.replace(/\s+/g, '')].map(fold);
  if (q.length === 0) return { score: 0, indices: [] };
  const chars = [...target];
  const folded = chars.map(fold);
  const n = chars.length;
  if (q.length > n) return null;
  const bonus = chars.map((_, j) => MATCH + (isWordStart(chars, j) ? WORD_START : 0));
  // rows[i][j]: best score with query[i] matched at target[j]; links[i][j]: where query[i-1] was.
  const rows: number[][] = [];
  const links: number[][] = [];
  let previous: number[] | undefined;
  for (const [i, wanted] of q.entries()) {
    const row = new Array<number>(n).fill(NONE);
    const link = new Array<number>(n).fill(-1);
    for (let j = i; j < n; j++) {
      if (folded[j] !== wanted) continue;
      const own = bonus[j] ?? MATCH;
      if (!previous) {
        row[j] = own - j * LEADING_GAP;
        continue;
      }
      for (let k = i - 1; k < j; k++) {
        const before = previous[k] ?? NONE;
        if (before === NONE) continue;
        const step = k === j - 1 ? CONSECUTIVE : -GAP * Math.min(j - k - 1, 8);
        if (before + own + step > (row[j] ?? NONE)) {
          row[j] = before + own + step;
          link[j] = k;
        }
      }
    }
    rows.push(row);
    links.push(link);
    previous = row;
  }
  const last = rows[rows.length - 1] ?? [];
  let end = -1;
  let top = NONE;
  for (const [j, score] of last.entries()) {
    if (score > top) {
      top = score;
      end = j;
    }
  }
  if (end < 0) return null;
  const indices: number[] = [];
  for (let i = q.length - 1, j = end; i >= 0 && j >= 0; i--) {
    indices.unshift(j);
    j = links[i]?.[j] ?? -1;
  }
  // Shorter targets win ties: "Refund" before "Refund policy for business customers".
  return { score: top - n * 0.05, indices };
}
