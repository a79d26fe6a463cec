/**
 * Runs `fn` over `items` with at most `limit` at a time. Routing and assignment work on different
 * conversations and queues is independent (PostgreSQL locks order what is not), so a dispatch's
 * work overlaps its database round trips instead of waiting for each in turn.
 */
export async function runConcurrently<T>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  const queue = [...items];
  const failures: unknown[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await fn(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  // Every item was tried; the handler still fails (and is retried) when one did.
  if (failures.length > 0) throw failures[0];
}
