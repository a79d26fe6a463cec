import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { SavedView } from '@parley/contracts';
import { IconDeviceFloppy, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { useCurrentUser } from '../../auth/current-user.tsx';
import classes from './AllWorkPage.module.css';
import {
  formatCount,
  useAllWorkLive,
  useDeleteView,
  useListCount,
  useSavedViews,
  useSidebarCounts,
  useUpdateView,
  useWorkList,
} from './all-work-api.ts';
import { BulkActions } from './BulkActions.tsx';
import { FilterChips } from './FilterChips.tsx';
import { FilterTray } from './FilterTray.tsx';
import { clearTrayFilters, filterChips } from './filter-chips.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { baseViewLabel, listQueryString, sameFilters, sortBy } from './list-url.ts';
import { isPageSelected, NOTHING_SELECTED, type Selection } from './selection.ts';
import { useFilterChoices } from './use-filter-names.ts';
import { useListUrl } from './use-list-url.ts';
import { ViewDialog, type ViewDialogMode } from './ViewDialog.tsx';
import { ViewsSidebar } from './ViewsSidebar.tsx';
import { WorkTable } from './WorkTable.tsx';

/**
 * ALL WORK (D5): views and queues with live counts on the left; the list with search, quick
 * filters, the filter tray, sorting and bulk actions on the right. The URL holds the list
 * (`list-url.ts`), so links, reloads and back/forward show the same list.
 */
export function AllWorkPage() {
  useAllWorkLive();
  const user = useCurrentUser();
  const supervisor = user.roles.includes('supervisor');
  const navigate = useNavigate();
  const { state, go, editFilters } = useListUrl();
  const { filters } = state;
  const listKey = listQueryString(filters).toString();

  const views = useSavedViews();
  const counts = useSidebarCounts();
  const list = useWorkList(filters);
  const total = useListCount(filters);
  const choices = useFilterChoices(counts.data, filters.customerId);
  const updateView = useUpdateView();
  const deleteView = useDeleteView();

  const [trayOpen, setTrayOpen] = useState(false);
  const [dialog, setDialog] = useState<ViewDialogMode | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  // A selection belongs to the list it was made in: another filter starts afresh.
  const [picked, setPicked] = useState<{ list: string; selection: Selection }>({
    list: listKey,
    selection: NOTHING_SELECTED,
  });
  const selection = picked.list === listKey ? picked.selection : NOTHING_SELECTED;
  const setSelection = (next: Selection) => setPicked({ list: listKey, selection: next });

  const savedViews = views.data?.items ?? [];
  const savedView = savedViews.find((v) => v.id === state.savedViewId) ?? null;
  const modified = savedView !== null && !sameFilters(savedView.filters, filters);
  const queueName =
    filters.view === 'queue' && filters.queueId?.length === 1
      ? choices.names.queue(filters.queueId[0] as string)
      : undefined;
  const title = savedView?.name ?? queueName ?? baseViewLabel(filters.view);

  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const ids = rows.map((r) => r.id);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  const chips = filterChips(filters, choices.names);

  return (
    <div className={classes.page} data-testid="all-work-page">
      <ViewsSidebar
        state={state}
        views={savedViews}
        counts={counts.data}
        onRename={(view) => setDialog({ kind: 'rename', view })}
        onDelete={setDeleting}
      />
      <section className={classes.main} aria-label="Conversation list">
        <Group className={classes.header} justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Title order={1} fz="h3" lineClamp={1} data-testid="list-title">
              {title}
            </Title>
            {total.data && (
              <Badge variant="default" size="lg" radius="sm" data-testid="list-count">
                {formatCount(total.data)}
              </Badge>
            )}
            <Tooltip label="Reload the list">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label="Reload the list"
                onClick={() => void list.refetch()}
              >
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
            {modified && (
              <Text size="xs" c="dimmed" fs="italic">
                modified
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {modified && savedView?.editable && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconDeviceFloppy size={15} />}
                loading={updateView.isPending}
                onClick={() => updateView.mutate({ id: savedView.id, body: { filters } })}
                data-testid="save-view-changes"
              >
                Save changes
              </Button>
            )}
            <Button
              size="xs"
              leftSection={<IconPlus size={15} />}
              onClick={() => setDialog({ kind: 'create', filters })}
              data-testid="create-view"
            >
              Create view
            </Button>
          </Group>
        </Group>
        <div className={classes.toolbar}>
          <ListToolbar
            filters={filters}
            onChange={editFilters}
            trayOpen={trayOpen}
            onToggleTray={() => setTrayOpen((open) => !open)}
            trayFilterCount={chips.length}
          />
        </div>
        {trayOpen ? (
          <FilterTray
            filters={filters}
            onChange={editFilters}
            choices={choices}
            onClear={() => editFilters(clearTrayFilters)}
            onClose={() => setTrayOpen(false)}
          />
        ) : (
          <div className={classes.chips}>
            <FilterChips
              filters={filters}
              names={choices.names}
              onChange={editFilters}
              onClear={() => editFilters(clearTrayFilters)}
            />
          </div>
        )}
        <BulkActions
          selection={selection}
          onSelectionChange={setSelection}
          filters={filters}
          total={total.data}
          pageSelected={isPageSelected(selection, ids)}
          loadedCount={rows.length}
          hasMore={hasNextPage}
          supervisor={supervisor}
        />
        {list.isPending ? (
          <Center flex={1}>
            <Loader size="sm" aria-label="Loading conversations" />
          </Center>
        ) : list.isError ? (
          <Alert color="red" m="md" title="Could not load the list">
            {list.error.message}
          </Alert>
        ) : rows.length === 0 ? (
          <Center flex={1} data-testid="empty-list">
            <Stack gap={4} align="center">
              <Text fw={600}>No conversations here</Text>
              <Text size="sm" c="dimmed">
                {chips.length || filters.q
                  ? 'Nothing matches these filters.'
                  : 'This list is empty right now.'}
              </Text>
            </Stack>
          </Center>
        ) : (
          <WorkTable
            rows={rows}
            filters={filters}
            onSort={(sort) => editFilters((f) => sortBy(f, sort))}
            selection={selection}
            onSelectionChange={setSelection}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            loadMore={loadMore}
          />
        )}
      </section>
      <ViewDialog
        key={dialog?.kind === 'rename' ? dialog.view.id : (dialog?.kind ?? 'closed')}
        mode={dialog}
        supervisor={supervisor}
        privateCount={savedViews.filter((v) => v.scope === 'private' && v.editable).length}
        names={choices.names}
        onSaved={(view) => {
          // A new view opens; a renamed one stays as it is on screen.
          if (dialog?.kind === 'create') go({ filters: view.filters, savedViewId: view.id });
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete view “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete view"
        loading={deleteView.isPending}
        onConfirm={() =>
          deleting &&
          deleteView.mutate(deleting.id, {
            onSuccess: () => {
              if (deleting.id === state.savedViewId) void navigate('/all-work?view=all');
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      >
        {deleting?.scope === 'global'
          ? 'Everyone loses this view. The conversations stay as they are.'
          : 'The view goes; the conversations stay as they are.'}
      </ConfirmDialog>
    </div>
  );
}
