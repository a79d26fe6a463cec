import type { Channel } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { findEnabledConnectionBySender } from './channel-connections.repo.ts';

/**
 * Can Parley send on `channel` as our `sender` right now? Only an enabled connection carrying both
 * hands replies to a provider; on any other channel or sender a reply would stay PENDING for ever.
 */
export async function canSendOn(orm: Orm, channel: Channel, sender: string): Promise<boolean> {
  return (await findEnabledConnectionBySender(orm, channel, sender)) !== undefined;
}
