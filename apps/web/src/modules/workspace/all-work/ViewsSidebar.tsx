import { ActionIcon, Badge, Menu, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import type { SavedView, ViewCount, ViewCounts } from '@parley/contracts';
import {
  IconDots,
  IconHistory,
  IconLayoutList,
  IconLock,
  IconPencil,
  IconRobot,
  IconStack2,
  IconTrash,
  IconUserQuestion,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './AllWorkPage.module.css';
import { formatCount } from './all-work-api.ts';
import { activeEntryKey, allWorkPath, type ListState, PREDEFINED_VIEWS } from './list-url.ts';

const PREDEFINED_ICONS = {
  unassigned: IconUserQuestion,
  all: IconLayoutList,
  history: IconHistory,
  bots: IconRobot,
} as const;

const hrefOf = (state: ListState) => allWorkPath(state.filters, state.savedViewId);

function CountBadge({ count }: { count: ViewCount | undefined }) {
  if (!count) return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color="gray"
      radius="sm"
      data-testid="sidebar-count"
      data-capped={count.capped || undefined}
      title={count.capped ? `More than ${count.count.toLocaleString()}` : undefined}
    >
      {formatCount(count)}
    </Badge>
  );
}

function Entry(props: {
  entryKey: string;
  label: string;
  icon: ReactNode;
  to: ListState;
  activeKey: string | null;
  count: ViewCount | undefined;
  actions?: ReactNode;
}) {
  return (
    <div
      className={classes.entry}
      data-testid="sidebar-entry"
      data-entry={props.entryKey}
      data-name={props.label}
    >
      <NavLink
        component={Link}
        to={hrefOf(props.to)}
        active={props.activeKey === props.entryKey}
        aria-current={props.activeKey === props.entryKey ? 'page' : undefined}
        label={
          <Text size="sm" truncate title={props.label}>
            {props.label}
          </Text>
        }
        leftSection={props.icon}
        rightSection={<CountBadge count={props.count} />}
        className={classes.navLink}
      />
      {props.actions}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function ViewActions({
  view,
  onRename,
  onDelete,
}: {
  view: SavedView;
  onRename: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Actions of view ${view.name}`}
          data-testid="view-actions"
          className={classes.entryMenu}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onRename(view)}>
          Rename
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => onDelete(view)}
          data-testid="view-delete"
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The ALL WORK sidebar (D5): predefined views, saved views (global first, marked), and the queues
 * the server counts for the caller, each with its live count. Entries are links, so a view opens
 * in a new tab too.
 */
export function ViewsSidebar(props: {
  state: ListState;
  views: readonly SavedView[];
  counts: ViewCounts | undefined;
  onRename: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
}) {
  const activeKey = activeEntryKey(props.state);
  const viewCounts = new Map(props.counts?.views.map((v) => [v.viewId, v]));
  return (
    <nav className={classes.sidebar} aria-label="Views and queues" data-testid="views-sidebar">
      <ScrollArea h="100%" type="hover" scrollbarSize={6}>
        <Stack gap={0} p="xs" pb="lg">
          <Section title="Views">
            {PREDEFINED_VIEWS.map((p) => {
              const Icon = PREDEFINED_ICONS[p.view];
              return (
                <Entry
                  key={p.view}
                  entryKey={p.view}
                  label={p.label}
                  icon={<Icon size={16} stroke={1.6} />}
                  to={{ filters: { view: p.view }, savedViewId: null }}
                  activeKey={activeKey}
                  count={props.counts?.predefined[p.count]}
                />
              );
            })}
          </Section>
          {props.views.length > 0 && (
            <Section title="Custom views">
              {props.views.map((view) => (
                <Entry
                  key={view.id}
                  entryKey={`saved:${view.id}`}
                  label={view.name}
                  icon={
                    <Tooltip
                      label={view.scope === 'global' ? 'Global: everyone sees it' : 'Private: only you'}
                    >
                      {view.scope === 'global' ? (
                        <IconWorld
                          size={16}
                          stroke={1.6}
                          aria-label="Global view"
                          data-testid="global-mark"
                        />
                      ) : (
                        <IconLock size={16} stroke={1.6} aria-label="Private view" />
                      )}
                    </Tooltip>
                  }
                  to={{ filters: view.filters, savedViewId: view.id }}
                  activeKey={activeKey}
                  count={viewCounts.get(view.id)}
                  actions={
                    view.editable && (
                      <ViewActions view={view} onRename={props.onRename} onDelete={props.onDelete} />
                    )
                  }
                />
              ))}
            </Section>
          )}
          {props.counts && props.counts.queues.length > 0 && (
            <Section title="Queues">
              {props.counts.queues.map((queue) => (
                <Entry
                  key={queue.queueId}
                  entryKey={`queue:${queue.queueId}`}
                  label={queue.name}
                  icon={<IconStack2 size={16} stroke={1.6} />}
                  to={{ filters: { view: 'queue', queueId: [queue.queueId] }, savedViewId: null }}
                  activeKey={activeKey}
                  count={queue}
                />
              ))}
            </Section>
          )}
        </Stack>
      </ScrollArea>
    </nav>
  );
}
