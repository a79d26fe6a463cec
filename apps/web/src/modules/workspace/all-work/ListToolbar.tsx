import { Button, Checkbox, CloseButton, Group, Menu, TextInput } from '@mantine/core';
import { CHANNELS, type Channel, PRIORITIES, type Priority, type ViewFilters } from '@parley/contracts';
import { IconAdjustmentsHorizontal, IconChevronDown, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { CHANNEL_LOOKS } from '../channel-icon.tsx';
import { PRIORITY_LOOKS } from '../conversation/conversation-looks.ts';
import { usePageKey } from '../my-work/use-list-keyboard.ts';
import { patchFilters } from './list-url.ts';
import type { EditFilters } from './use-list-url.ts';

/** Typing pauses this long before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The list with `value` added, or taken out when it is in. */
function toggled<T>(list: readonly T[] | undefined, value: T): T[] {
  return list?.includes(value) ? list.filter((x) => x !== value) : [...(list ?? []), value];
}

/** Most urgent first, as people scan them. */
const QUICK_PRIORITIES = [...PRIORITIES].reverse() as Priority[];

/**
 * Eleven channels do not fit as a row of icons beside the search at 1280 px, so the quick channel
 * filter is a menu of checkable channels; the button shows what is chosen.
 */
function ChannelQuickFilter({ selected, onToggle }: { selected: Channel[]; onToggle: (c: Channel) => void }) {
  const [first] = selected;
  const title =
    first === undefined
      ? 'Channel'
      : selected.length === 1
        ? CHANNEL_LOOKS[first].label
        : `${selected.length} channels`;
  return (
    <Menu closeOnItemClick={false} position="bottom-start" shadow="md">
      <Menu.Target>
        <Button
          size="compact-xs"
          radius="sm"
          variant={first ? 'light' : 'default'}
          rightSection={<IconChevronDown size={12} />}
          aria-label={`Quick filter: channel${first ? ` (${title})` : ''}`}
          data-testid="quick-channel-menu"
        >
          {title}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {CHANNELS.map((c) => {
          const { label, icon: Icon, color } = CHANNEL_LOOKS[c];
          const on = selected.includes(c);
          return (
            <Menu.Item
              key={c}
              role="menuitemcheckbox"
              aria-checked={on}
              leftSection={<Checkbox size="xs" checked={on} readOnly tabIndex={-1} aria-hidden />}
              rightSection={<Icon size={16} stroke={1.7} style={{ color }} aria-hidden />}
              data-testid={`quick-channel-${c}`}
              onClick={() => onToggle(c)}
            >
              {label}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The search box: the list follows the text after a pause; Enter searches at once, Esc clears. */
function SearchBox({ q, onSearch }: { q: string | undefined; onSearch: (q: string | undefined) => void }) {
  const [text, setText] = useState(q ?? '');
  const sent = useRef(q ?? '');
  const searchRef = useRef(onSearch);
  searchRef.current = onSearch;
  const input = useRef<HTMLInputElement>(null);
  usePageKey('/', () => input.current?.focus());

  // Back/forward or a view changed the search: show it.
  useEffect(() => {
    if ((q ?? '') !== sent.current) {
      sent.current = q ?? '';
      setText(q ?? '');
    }
  }, [q]);

  const commit = (value: string) => {
    const next = value.trim();
    if (next === sent.current) return;
    sent.current = next;
    searchRef.current(next || undefined);
  };
  useEffect(() => {
    const timer = setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });

  return (
    <TextInput
      ref={input}
      size="xs"
      w={{ base: 260, xl: 320 }}
      placeholder="Topic, customer, number or text"
      aria-label="Search conversations"
      data-testid="search-input"
      leftSection={<IconSearch size={15} />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              commit('');
            }}
          />
        ) : null
      }
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
        if (event.key === 'Escape' && text) {
          event.stopPropagation();
          setText('');
          commit('');
        }
      }}
    />
  );
}

/**
 * Above the list: search, the filter tray's toggle (with the number of tray filters applied) and the
 * quick filters, priority and channel.
 */
export function ListToolbar(props: {
  filters: ViewFilters;
  onChange: EditFilters;
  trayOpen: boolean;
  onToggleTray: () => void;
  trayFilterCount: number;
}) {
  const { filters, onChange } = props;
  const channels = filters.channel ?? [];
  const priorities = filters.priority ?? [];
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SearchBox q={filters.q} onSearch={(q) => onChange((f) => patchFilters(f, { q }), { replace: true })} />
      <Button
        size="xs"
        variant={props.trayOpen ? 'light' : 'default'}
        leftSection={<IconAdjustmentsHorizontal size={15} />}
        aria-expanded={props.trayOpen}
        aria-controls="all-work-filter-tray"
        data-testid="filter-tray-toggle"
        onClick={props.onToggleTray}
      >
        Filters{props.trayFilterCount ? ` · ${props.trayFilterCount}` : ''}
      </Button>
      <Group gap={4} role="group" aria-label="Quick filter: priority">
        {QUICK_PRIORITIES.map((p) => {
          const on = priorities.includes(p);
          return (
            <Button
              key={p}
              size="compact-xs"
              radius="sm"
              variant={on ? 'light' : 'default'}
              color={on ? PRIORITY_LOOKS[p].color : undefined}
              aria-pressed={on}
              data-testid={`quick-priority-${p}`}
              onClick={() => onChange((f) => patchFilters(f, { priority: toggled(f.priority, p) }))}
            >
              {PRIORITY_LOOKS[p].label}
            </Button>
          );
        })}
      </Group>
      <ChannelQuickFilter
        selected={channels}
        onToggle={(c) => onChange((f) => patchFilters(f, { channel: toggled(f.channel, c) }))}
      />
    </Group>
  );
}
