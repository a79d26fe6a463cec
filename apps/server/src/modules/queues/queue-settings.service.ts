import type { QueueSettings, QueueSettingsResponse, UpdateQueueSettingsRequest } from '@parley/contracts';
import type { Logger } from 'pino';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { stableUuid } from '../bots/bot-delivery.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import { isOpenToAllAgents } from './queues.presenter.ts';
import { findQueueById, findQueueForUpdate, type QueueRow, updateQueueSettingsRow } from './queues.repo.ts';
import { isWithinWorkingHours } from './working-hours.ts';

/** The D4 settings of a queue row, as the API shows them. */
export function presentQueueSettings(queue: QueueRow, at = new Date()): QueueSettingsResponse {
  return {
    queueId: queue.id,
    autoAssign: queue.autoAssign,
    algorithm: queue.algorithm,
    stickyAgentDays: queue.stickyAgentDays,
    onAgentUnavailable: queue.onAgentUnavailable,
    workingHours: queue.workingHours,
    awayReply: queue.awayReply,
    openToAllAgents: isOpenToAllAgents(queue),
    openNow: isWithinWorkingHours(queue.workingHours, at),
  };
}

/**
 * A supervisor changes a queue's automatic assignment, working-hours and (Default queue) visibility
 * settings (absent fields stay). Emits `queue.settings_changed`, on which automatic assignment re-offers the waiting
 * conversations (turning it on, or more room in the hours, may assign at once).
 */
export function updateQueueSettings(
  events: Events,
  queueId: string,
  patch: UpdateQueueSettingsRequest,
): Promise<QueueRow> {
  return events.transact(async ({ tx, emit }) => {
    const queue = await findQueueForUpdate(tx, queueId);
    if (!queue) throw notFound('Queue');
    if (patch.openToAllAgents === true && !queue.isDefault) {
      throw new AppError(
        'validation_failed',
        400,
        'Only the Default queue can be open to every agent; other queues are seen by their members',
      );
    }
    const next: Partial<QueueSettings> = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    );
    const updated = await updateQueueSettingsRow(tx, queueId, next);
    emit('queue.settings_changed', { queueId, autoAssign: updated.autoAssign });
    return updated;
  });
}

/**
 * D4: a new conversation landing in a queue outside its working hours gets the queue's away reply
 * (once), through the normal outbound path as a bot message. A conversation that cannot be
 * answered (no channel connection, someone took it meanwhile) gets none; that is logged.
 */
export async function sendAwayReplyIfClosed(
  events: Events,
  orm: Orm,
  logger: Logger,
  queueId: string,
  conversationId: string,
  at = new Date(),
): Promise<boolean> {
  const queue = await findQueueById(orm, queueId);
  if (!queue?.awayReply || isWithinWorkingHours(queue.workingHours, at)) return false;
  try {
    await sendAgentMessage(events, { kind: 'automation' }, conversationId, {
      // A stable client id: a repeated event sends the away reply once.
      clientId: stableUuid(`away-reply:${conversationId}`),
      contentType: 'TEXT',
      content: { text: queue.awayReply },
    });
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.info({ conversationId, queueId, code: error.code }, 'away reply not sent');
    return false;
  }
}
