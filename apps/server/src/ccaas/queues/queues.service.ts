import type { CcaasUpdateQueueRequest } from '@parley/contracts';
import { findQueueById, type QueueRow } from '../../modules/queues/queues.repo.ts';
import { renameQueue } from '../../modules/queues/queues.service.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUuid } from '../../platform/ids.ts';
import { ccaasInvalidReference } from '../errors.ts';

/** A live queue by id; anything else is the reference's 400 NOT_FOUND `Invalid id '<id>' given!…`. */
export async function findQueueOrFail(orm: Orm, id: string): Promise<QueueRow> {
  const queue = isUuid(id) ? await findQueueById(orm, id) : undefined;
  if (!queue) throw ccaasInvalidReference(`Invalid id '${id}' given! No such entity exists.`);
  return queue;
}

/** An integrator changes a queue: only its name can change (the Default queue's cannot). */
export async function updateQueueFromApi(
  events: Events,
  orm: Orm,
  queueId: string,
  input: CcaasUpdateQueueRequest,
): Promise<QueueRow> {
  const queue = await findQueueOrFail(orm, queueId);
  if (input.name === undefined) return queue;
  return renameQueue(events, queueId, input.name);
}
