import type { CcaasUpdateQueueRequest, UpdateQueueSettingsRequest } from '@parley/contracts';
import { updateQueueSettings } from '../../modules/queues/queue-settings.service.ts';
import { findQueueById, type QueueRow } from '../../modules/queues/queues.repo.ts';
import { renameQueue } from '../../modules/queues/queues.service.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUuid } from '../../platform/ids.ts';
import { ccaasFieldError, ccaasInvalidReference } from '../errors.ts';

/** Days a sticky agent is preferred when an integrator turns it on without saying (the web app's default). */
const DEFAULT_STICKY_DAYS = 7;

/** A live queue by id; anything else is the reference's 400 NOT_FOUND `Invalid id '<id>' given!…`. */
export async function findQueueOrFail(orm: Orm, id: string): Promise<QueueRow> {
  const queue = isUuid(id) ? await findQueueById(orm, id) : undefined;
  if (!queue) throw ccaasInvalidReference(`Invalid id '${id}' given! No such entity exists.`);
  return queue;
}

/**
 * The queue settings the reference's automatic-assignment fields ask for; absent or null fields
 * keep their value. LOAD_BALANCING is Parley's least load. Sticky days alone change the days of a
 * sticky agent already on; on a queue without one they are refused (they would be dropped).
 */
export function settingsPatchOf(
  queue: Pick<QueueRow, 'stickyAgentDays'>,
  input: CcaasUpdateQueueRequest,
): UpdateQueueSettingsRequest {
  const patch: UpdateQueueSettingsRequest = {};
  if (input.isAutoAssignmentEnabled != null) patch.autoAssign = input.isAutoAssignmentEnabled;
  if (input.autoAssignmentAlgorithm != null) {
    patch.algorithm = input.autoAssignmentAlgorithm === 'LOAD_BALANCING' ? 'LEAST_LOAD' : 'ROUND_ROBIN';
  }
  const days = input.stickyAgentTimeoutDays ?? undefined;
  const sticky = input.isStickyAutoAssignmentEnabled ?? undefined;
  if (sticky === false) patch.stickyAgentDays = null;
  else if (sticky === true) patch.stickyAgentDays = days ?? queue.stickyAgentDays ?? DEFAULT_STICKY_DAYS;
  else if (days !== undefined) {
    if (queue.stickyAgentDays === null) {
      throw ccaasFieldError('stickyAgentTimeoutDays', 'needs isStickyAutoAssignmentEnabled: true');
    }
    patch.stickyAgentDays = days;
  }
  return patch;
}

/**
 * An integrator changes a queue: its name (the Default queue's cannot change) and its automatic
 * assignment. Everything is checked before anything is written.
 */
export async function updateQueueFromApi(
  events: Events,
  orm: Orm,
  queueId: string,
  input: CcaasUpdateQueueRequest,
): Promise<QueueRow> {
  const queue = await findQueueOrFail(orm, queueId);
  const patch = settingsPatchOf(queue, input);
  let row = input.name === undefined ? queue : await renameQueue(events, queueId, input.name);
  if (Object.keys(patch).length > 0) row = await updateQueueSettings(events, queueId, patch);
  return row;
}
