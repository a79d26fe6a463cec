import { z } from 'zod';

/** Conversation metadata: free key/value data an integrator keeps on a conversation (at least one key when written). */
export const CcaasMetadata = z
  .record(z.string(), z.unknown())
  .refine((m) => Object.keys(m).length > 0, 'must not be empty');
export type CcaasMetadata = z.infer<typeof CcaasMetadata>;
