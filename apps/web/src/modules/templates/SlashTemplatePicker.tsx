import { Popover, Text } from '@mantine/core';
import { type Channel, fillTemplate, type Template, type TemplateContext } from '@parley/contracts';
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { findSlashTrigger, replaceTrigger } from './slash-trigger.ts';
import classes from './TemplateOption.module.css';
import { TemplateOption } from './TemplateOption.tsx';
import { searchTemplates } from './template-search.ts';
import { useUsableTemplates } from './templates-api.ts';

/** How many matches the picker shows. */
const MAX_OPTIONS = 8;

export interface SlashTemplatePickerProps {
  /** The reply box. Its keys are read before the composer's own (↑/↓/Enter/Tab/Esc while open). */
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The reply box's text. */
  value: string;
  /** Receives the text with "/query" replaced by the filled template; the caret goes after it. */
  onChange: (value: string) => void;
  /** The conversation's channel: templates restricted to another channel are not offered. */
  channel: Channel | null;
  /** What the variables are filled from. */
  context: TemplateContext;
  /** No picker (e.g. while writing an internal note, or when replies are blocked). */
  disabled?: boolean;
  /** The reply box itself; the picker opens above it. */
  children: ReactNode;
}

/**
 * The "/" template picker (D7): typing "/" at the start of the reply or of a word opens it, the
 * text after the "/" searches the templates fuzzily, ↑/↓ choose, Enter or Tab insert the filled
 * template in place of "/query", Esc closes it (until the next "/").
 */
export function SlashTemplatePicker(props: SlashTemplatePickerProps) {
  const { textareaRef, value, channel, context, disabled } = props;
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  const trigger = !disabled && caret !== null ? findSlashTrigger(value, caret) : null;
  const templates = useUsableTemplates(channel, !disabled);
  const hits = trigger
    ? searchTemplates(templates.data?.items ?? [], trigger.query).slice(0, MAX_OPTIONS)
    : [];
  // A "/" followed by words that match nothing is prose, not a search.
  const prose = trigger !== null && hits.length === 0 && /\s/.test(trigger.query) && !templates.isPending;
  const open = trigger !== null && trigger.start !== dismissedAt && !prose;
  const selected = Math.min(active, Math.max(hits.length - 1, 0));
  const optionId = (i: number) => `${listId}-option-${i}`;

  const pick = (template: Template) => {
    if (!trigger) return;
    const next = replaceTrigger(value, trigger, fillTemplate(template.text, context));
    // A "/" inside the inserted text must not reopen the picker.
    setDismissedAt(findSlashTrigger(next.text, next.caret)?.start ?? null);
    setCaret(next.caret);
    props.onChange(next.text);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  // The latest state for the native key listener, which is attached once per text box.
  const latest = useRef({ open, hits, selected, pick, trigger });
  latest.current = { open, hits, selected, pick, trigger };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query changed: start from the best match
  useEffect(() => setActive(0), [trigger?.query]);
  const hasTrigger = trigger !== null;
  useEffect(() => {
    if (!hasTrigger) setDismissedAt(null);
  }, [hasTrigger]);

  // The box the listeners are on; followed after every render in case the composer replaced it.
  const [box, setBox] = useState<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    if (textareaRef.current !== box) setBox(textareaRef.current);
  });

  useEffect(() => {
    if (!box) return;
    const track = () => setCaret(box.selectionStart === box.selectionEnd ? box.selectionStart : null);
    const leave = () => setCaret(null);
    // Native, on the box itself: runs before React's handlers (delegated to the root), so stopping
    // the event keeps the composer from sending on Enter or leaving on Esc while the picker is open.
    const onKeyDown = (event: KeyboardEvent) => {
      const state = latest.current;
      if (!state.open || event.isComposing) return;
      const count = state.hits.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((state.selected + step + count) % count);
      } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        const hit = state.hits[state.selected];
        if (!hit) return;
        state.pick(hit.template);
      } else if (event.key === 'Escape') {
        setDismissedAt(state.trigger?.start ?? null);
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    const events = ['input', 'keyup', 'click', 'select', 'focus'] as const;
    for (const name of events) box.addEventListener(name, track);
    box.addEventListener('blur', leave);
    box.addEventListener('keydown', onKeyDown);
    return () => {
      for (const name of events) box.removeEventListener(name, track);
      box.removeEventListener('blur', leave);
      box.removeEventListener('keydown', onKeyDown);
    };
  }, [box]);

  // The box announces the list and the highlighted option (combobox pattern).
  useEffect(() => {
    if (!box) return;
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-expanded', String(open));
    if (open) box.setAttribute('aria-controls', listId);
    else box.removeAttribute('aria-controls');
    if (open && hits.length > 0) box.setAttribute('aria-activedescendant', optionId(selected));
    else box.removeAttribute('aria-activedescendant');
  });

  useEffect(() => {
    if (open) document.getElementById(optionId(selected))?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <Popover
      opened={open}
      onDismiss={() => setDismissedAt(trigger?.start ?? null)}
      position="top-start"
      width="target"
      offset={6}
      shadow="md"
      radius="md"
      closeOnEscape={false}
      // An autocomplete follows the typing: it appears and goes at once.
      transitionProps={{ duration: 0 }}
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <div>{props.children}</div>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="slash-picker">
        <div id={listId} role="listbox" aria-label="Templates" className={classes.list}>
          {hits.map((hit, i) => (
            <TemplateOption
              key={hit.template.id}
              id={optionId(i)}
              hit={hit}
              context={context}
              active={i === selected}
              onPick={() => pick(hit.template)}
              onMouseEnter={() => setActive(i)}
              data-testid="slash-picker-option"
            />
          ))}
          {hits.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={6}>
              {templates.isPending
                ? 'Loading templates…'
                : templates.error
                  ? `Templates could not be loaded: ${templates.error.message}`
                  : trigger?.query
                    ? `No template matches “${trigger.query}”`
                    : 'No templates for this channel yet'}
            </Text>
          )}
        </div>
        <Text size="xs" c="dimmed" className={classes.hint}>
          ↑↓ choose · Enter or Tab insert · Esc close
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
