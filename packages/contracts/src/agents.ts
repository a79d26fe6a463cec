import { z } from 'zod';
import { Availability } from './enums.ts';

/** An agent as supervisors and colleagues see them: live availability and load (D1). */
export const Agent = z.object({
  id: z.uuid(),
  displayName: z.string(),
  availability: Availability,
  /** When the availability last changed. */
  availabilityChangedAt: z.string(),
  /** Non-CLOSED conversations assigned to the agent right now. */
  load: z.number().int().min(0),
  /** Maximum concurrent assigned conversations used by automatic assignment (LIMITS.agentCapacity). */
  capacity: z.number().int().min(0),
  /** Ids of the queues the agent belongs to. */
  queueIds: z.array(z.uuid()),
});
export type Agent = z.infer<typeof Agent>;

export const AgentList = z.object({ items: z.array(Agent) });
export type AgentList = z.infer<typeof AgentList>;
