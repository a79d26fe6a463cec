import { LiveChatSettings } from '@parley/contracts';
import type { ChannelAdapter } from '../adapter.ts';
import { ChannelError } from '../channel-error.ts';
import { mapLiveChatEvent } from './inbound.ts';
import { pushMessageToVisitor } from './livechat.handlers.ts';
import { liveChatOf, registerLiveChat } from './livechat.module.ts';

/**
 * The live-chat channel: visitors write through the widget's API into the inbound pipeline; an
 * agent's reply is "sent" by pushing it to the visitor's sockets (it stays stored for the widget
 * to fetch), and the widget's receipts move it to DELIVERED and SEEN (docs/live-chat.md).
 */
export const liveChatAdapter: ChannelAdapter<LiveChatSettings> = {
  provider: 'livechat',
  channels: ['LIVE_CHAT'],
  settings: LiveChatSettings,
  secretFields: [],
  register: registerLiveChat,
  mapInbound: (payload, connection) => mapLiveChatEvent(connection, payload),

  async send(message, _connection, ctx) {
    const { hub, uploads } = liveChatOf(ctx);
    if (!(await pushMessageToVisitor(ctx, hub, uploads.urls, message.id))) {
      throw new ChannelError('rejected', false, 'This message is not part of a live chat with a visitor');
    }
    // Our own id: the widget's receipts name it.
    return { providerMessageId: message.id };
  },

  async sendTyping(route, typing, _connection, ctx) {
    await liveChatOf(ctx).hub.push(route.to, { type: 'typing', payload: { typing } });
  },
};
