import type { InboundMessage } from '@parley/contracts';

const threadText = (m: InboundMessage) => JSON.stringify([m.channel, m.to, m.from]);

/**
 * Splits a claimed batch of mapped webhook rows into transactions of about `chunkSize` rows that may
 * run in parallel. One webhook body can carry several customers' messages, so rows are grouped by
 * union over ALL their thread keys: rows sharing any customer thread, directly or through other rows,
 * land in one chunk, in arrival order, and each customer's messages are stored in the order they came.
 * A group is never split, even beyond `chunkSize`; chunks share no thread, and each takes its thread
 * locks in one statement in a global order (lockThreadKeys), so they cannot deadlock on each other.
 */
export function chunkByThread<T extends { mapped: { messages: readonly InboundMessage[] } }>(
  items: readonly T[],
  chunkSize: number,
): T[][] {
  // Union-find over row positions; a group's root is its earliest row, so groups keep arrival order.
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    for (let j = i; j !== r; ) {
      const next = parent[j] as number;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  const firstRowOfThread = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    for (const message of item.mapped.messages) {
      const key = threadText(message);
      const other = firstRowOfThread.get(key);
      if (other === undefined) {
        firstRowOfThread.set(key, i);
        continue;
      }
      const [a, b] = [root(i), root(other)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, T[]>();
  for (const [i, item] of items.entries()) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(item);
    else groups.set(r, [item]);
  }
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const group of [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g)) {
    if (current.length > 0 && current.length + group.length > chunkSize) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
