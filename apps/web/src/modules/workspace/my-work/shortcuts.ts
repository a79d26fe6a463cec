/** A key (or keys with the same effect) and what it does, for the shortcut sheet. */
export interface Shortcut {
  keys: string[];
  description: string;
}

/**
 * Keys of the conversation lists (MY WORK, Recently viewed, the full list). ↑/↓, Home/End and
 * Enter act while a row has focus; j/k also work from anywhere outside a text field.
 */
export const LIST_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', '↓'], description: 'Next conversation in the list' },
  { keys: ['k', '↑'], description: 'Previous conversation in the list' },
  { keys: ['Home', 'End'], description: 'First / last conversation in the list' },
  { keys: ['Enter'], description: 'Open the highlighted conversation' },
  { keys: ['+'], description: 'Start a new conversation' },
];
