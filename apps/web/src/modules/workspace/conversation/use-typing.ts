import { CHANNELS_WITH_AGENT_TYPING, type Channel, CUSTOMER_TYPING_TTL_SECONDS } from '@parley/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../lib/api.ts';
import { useRealtimeEvent } from '../../../lib/realtime.tsx';
import { createTypingSignal } from '../../../lib/typing-signal.ts';

/**
 * Whether the customer of this conversation is typing (live chat): shown from the realtime event,
 * dropped after the TTL without a renewal and as soon as a customer message arrives.
 */
export function useCustomerTyping(conversationId: string): boolean {
  const [typing, setTyping] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useRealtimeEvent('conversation.customer_typing', ({ payload }) => {
    if (payload.conversationId !== conversationId) return;
    clearTimeout(timer.current);
    setTyping(payload.typing);
    if (payload.typing)
      timer.current = setTimeout(() => setTyping(false), CUSTOMER_TYPING_TTL_SECONDS * 1000);
  });
  useRealtimeEvent('timeline.appended', ({ payload }) => {
    if (payload.conversationId !== conversationId) return;
    if (payload.item.type === 'message' && payload.item.direction === 'INBOUND') {
      clearTimeout(timer.current);
      setTyping(false);
    }
  });
  return typing;
}

/**
 * Tells the customer that the agent is typing a reply, on channels that show it
 * (CHANNELS_WITH_AGENT_TYPING), from the reply's text as it changes; ends it when the view closes.
 */
export function useAgentTypingSender(
  conversationId: string,
  channel: Channel | null,
): (text: string) => void {
  const enabled = channel !== null && CHANNELS_WITH_AGENT_TYPING.includes(channel);
  const signal = useMemo(
    () => createTypingSignal((typing) => api.post(`/api/conversations/${conversationId}/typing`, { typing })),
    [conversationId],
  );
  const last = useRef<string | null>(null);
  useEffect(() => () => signal.stop(true), [signal]);

  return useCallback(
    (text: string) => {
      const previous = last.current;
      last.current = text;
      // The first call is the restored draft, not typing.
      if (enabled && previous !== null && previous !== text) signal.typed(text);
    },
    [enabled, signal],
  );
}
