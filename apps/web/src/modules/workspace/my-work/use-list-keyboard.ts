import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from 'react';
import { isForeignKey } from '../conversation/conversation-shortcuts.ts';

const ROW = '[data-list-row]';

type Step = 1 | -1 | 'first' | 'last';

function rowsIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(ROW));
}

function focusRow(row: HTMLElement | undefined): void {
  if (!row) return;
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
}

/** Moves focus `step` rows from `from` (or from the selected row, else the top, when `from` is outside). */
function moveFocus(container: HTMLElement, from: Element | null, step: Step): void {
  const rows = rowsIn(container);
  if (rows.length === 0) return;
  let index = from instanceof HTMLElement ? rows.indexOf(from) : -1;
  if (index < 0) index = rows.findIndex((r) => r.getAttribute('aria-current') === 'page');
  let next: number;
  if (step === 'first') next = 0;
  else if (step === 'last') next = rows.length - 1;
  // With nothing focused or selected, the first press lands on the first row.
  else next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
  focusRow(rows[next]);
}

const STEPS: Record<string, Step> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, Home: 'first', End: 'last' };

/** `key` pressed anywhere on the page except text fields and dialogs runs `action`. */
export function usePageKey(key: string, action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== key || isForeignKey(event)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key]);
}

/**
 * Keyboard for a list of rows marked `data-list-row` (links, so Enter opens them): ↑/↓, j/k,
 * Home/End move the focus while inside the list; j/k also work from anywhere on the page except
 * text fields and dialogs. See LIST_SHORTCUTS.
 */
export function useListKeyboard(container: RefObject<HTMLElement | null>) {
  const fromOutside = (step: Step) => () => {
    const list = container.current;
    // Inside the list its own handler has moved already (and marked the event handled).
    if (list && !list.contains(document.activeElement)) moveFocus(list, null, step);
  };
  usePageKey('j', fromOutside(1));
  usePageKey('k', fromOutside(-1));

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const step = STEPS[event.key];
      const list = container.current;
      if (!list || step === undefined || isForeignKey(event.nativeEvent)) return;
      event.preventDefault();
      moveFocus(list, document.activeElement, step);
    },
    [container],
  );
}
