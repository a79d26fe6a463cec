/**
 * The "/" that opens the template picker: typed at the start of the reply or of a word, with the
 * query typed after it (up to the caret, on one line). "and/or" or a URL never opens it.
 */
export interface SlashTrigger {
  /** Position of the "/". */
  start: number;
  /** The caret: the trigger spans [start, end). */
  end: number;
  query: string;
}

/** Longest query still treated as a search; longer text after a "/" is prose. */
export const MAX_SLASH_QUERY = 40;

/** The trigger the caret is in, or null. */
export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('/');
  if (start < 0) return null;
  if (start > 0 && !/\s/.test(before.charAt(start - 1))) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_SLASH_QUERY || /\n/.test(query) || /^\s/.test(query)) return null;
  return { start, end: caret, query };
}

/** The text with the trigger replaced by `insert`, and where the caret goes (after it). */
export function replaceTrigger(
  text: string,
  trigger: SlashTrigger,
  insert: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, trigger.start) + insert + text.slice(trigger.end),
    caret: trigger.start + insert.length,
  };
}
