import type { ConversationStatus } from '@parley/contracts';
import { useEffect, useRef, useState } from 'react';
import type { Shortcut } from '../my-work/shortcuts.ts';

/** Second key after `s`: the status it sets. */
export const STATUS_KEYS: Record<string, ConversationStatus> = {
  o: 'OPEN',
  w: 'WAITING',
  s: 'SOLVED',
  c: 'CLOSED',
};

/** A shortcut whose keys are pressed one after the other (`s` then `o`) rather than being alternatives. */
export type SheetShortcut = Shortcut & { sequence?: boolean };

/** Keys of the open conversation, for the shortcut sheet. */
export const CONVERSATION_SHORTCUTS: readonly SheetShortcut[] = [
  { keys: ['r'], description: 'Write a reply' },
  { keys: ['n'], description: 'Write an internal note' },
  { keys: ['Enter', 'Ctrl/⌘ + Enter'], description: 'Send (in the composer)' },
  { keys: ['Shift + Enter'], description: 'New line (in the composer)' },
  { keys: ['Esc'], description: 'Leave the composer or a field' },
  { keys: ['s', 'o'], sequence: true, description: 'Status: Open' },
  { keys: ['s', 'w'], sequence: true, description: 'Status: Waiting' },
  { keys: ['s', 's'], sequence: true, description: 'Status: Solved' },
  { keys: ['s', 'c'], sequence: true, description: 'Status: Closed (asks first)' },
  { keys: ['a'], description: 'Choose the assignee' },
  { keys: ['?'], description: 'Show these shortcuts' },
];

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]';
/** How long `s` waits for its second key. */
const SEQUENCE_MS = 1500;

/** Typing in a field, holding a modifier, or a dialog is open: the key belongs to someone else. */
export function isForeignKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(EDITABLE)) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

export interface ShortcutHandlers {
  reply: () => void;
  note: () => void;
  setStatus: (status: ConversationStatus) => void;
  chooseAssignee: () => void;
  showSheet: () => void;
}

/**
 * The open conversation's keys (CONVERSATION_SHORTCUTS), listened for on the document. Returns
 * whether `s` is waiting for its status key, so the view can say so.
 */
export function useConversationShortcuts(handlers: ShortcutHandlers): boolean {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [awaitingStatus, setAwaitingStatus] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    const stopWaiting = () => {
      clearTimeout(timer);
      pending = false;
      setAwaitingStatus(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (isForeignKey(event)) return;
      const h = latest.current;
      const key = event.key;
      if (pending) {
        stopWaiting();
        const status = STATUS_KEYS[key.toLowerCase()];
        if (status) {
          event.preventDefault();
          h.setStatus(status);
        }
        return;
      }
      const act: Record<string, () => void> = {
        r: h.reply,
        n: h.note,
        a: h.chooseAssignee,
        '?': h.showSheet,
        s: () => {
          pending = true;
          setAwaitingStatus(true);
          timer = setTimeout(stopWaiting, SEQUENCE_MS);
        },
      };
      const action = act[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return awaitingStatus;
}
