import type { AssignmentAlgorithm } from '@parley/contracts';

// The pure choice of automatic assignment (D4): who among the queue's members gets the next conversation.

/** A queue member as the choice sees them. */
export interface Candidate {
  userId: string;
  /** Only ACTIVE members receive automatic assignments (D1). */
  active: boolean;
  /** Assigned OPEN or WAITING conversations. */
  load: number;
  capacity: number;
  /** When automatic assignment last gave them a conversation of this queue; null = never. */
  lastAssignedAt: number | null;
}

/** Active and under capacity. */
export const isEligible = (c: Candidate): boolean => c.active && c.load < c.capacity;

/** Round robin turn: the member who waited longest since their last automatic assignment (never first), then by id. */
function byTurn(a: Candidate, b: Candidate): number {
  const ta = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const tb = b.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/**
 * D4: the sticky agent first when they are eligible; else ROUND_ROBIN takes turns among eligible
 * members, LEAST_LOAD takes the one with the fewest conversations (ties by turn). Null = nobody.
 */
export function chooseAgent(
  candidates: readonly Candidate[],
  algorithm: AssignmentAlgorithm,
  stickyUserId: string | null,
): string | null {
  const eligible = candidates.filter(isEligible);
  const sticky = stickyUserId ? eligible.find((c) => c.userId === stickyUserId) : undefined;
  if (sticky) return sticky.userId;
  const order =
    algorithm === 'LEAST_LOAD' ? (a: Candidate, b: Candidate) => a.load - b.load || byTurn(a, b) : byTurn;
  return [...eligible].sort(order)[0]?.userId ?? null;
}
