import { type Channel, type ReplyWindow, replyWindow } from '@parley/contracts';
import { useEffect, useState } from 'react';

/** How often the time left is recounted: the composer shows minutes. */
const TICK_MS = 30_000;

/**
 * The D7 reply window of the reply's channel, kept current as time passes: WhatsApp and Messenger
 * allow free-form replies for 24 hours after the customer's last message there (the server checks
 * the same rule on every send).
 */
export function useReplyWindow(channel: Channel | null, lastCustomerMessageAt: string | null): ReplyWindow {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (!channel) return { state: 'NONE' };
  return replyWindow(channel, lastCustomerMessageAt ? new Date(lastCustomerMessageAt) : null, now);
}
