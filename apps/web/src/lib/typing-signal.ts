/** Typing is renewed at most this often, and ends after this much quiet. */
const RENEW_MS = 3_000;
const IDLE_MS = 4_000;

/**
 * Tells the other side of a chat that someone is typing (the widget's visitor, an agent's reply):
 * "typing" at most every 3 s while the text changes, "stopped" after 4 s of quiet or when the text
 * is emptied; `stop(false)` when a sent message ends it by itself. Failures are ignored: it is only
 * a hint. The receiving side drops an indicator that is not renewed (CUSTOMER_TYPING_TTL_SECONDS).
 */
export function createTypingSignal(send: (typing: boolean) => Promise<unknown>) {
  let sentAt = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  function stop(tell: boolean): void {
    clearTimeout(idle);
    if (sentAt !== 0 && tell) send(false).catch(() => {});
    sentAt = 0;
  }

  return {
    typed(text: string): void {
      clearTimeout(idle);
      if (text.trim() === '') {
        stop(true);
        return;
      }
      if (Date.now() - sentAt > RENEW_MS) {
        sentAt = Date.now();
        send(true).catch(() => {});
      }
      idle = setTimeout(() => stop(true), IDLE_MS);
    },
    stop,
  };
}
