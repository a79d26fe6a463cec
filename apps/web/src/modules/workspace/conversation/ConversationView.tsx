import { Alert, Text } from '@mantine/core';
import type { ConversationStatus } from '@parley/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api.ts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { useCurrentUser } from '../../auth/current-user.tsx';
import type { AssigneeSelectHandle } from './AssigneeSelect.tsx';
import { assignmentChoices } from './assignment-choices.ts';
import { Composer, type ComposerHandle } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { ConversationSidePanel } from './ConversationSidePanel.tsx';
import classes from './ConversationView.module.css';
import { CustomerTyping } from './CustomerTyping.tsx';
import {
  markConversationRead,
  useAddNote,
  useAgents,
  useConversation,
  useConversationChanges,
  useConversationTags,
  useMarkUnread,
  useQueues,
} from './conversation-api.ts';
import { editBlock, queueChangeBlock, replyBlock } from './conversation-rights.ts';
import { useConversationShortcuts } from './conversation-shortcuts.ts';
import { type Draft, readDraft, saveDraft } from './draft-store.ts';
import { asRoute, useReplyRoutes } from './omnichannel-api.ts';
import { ReplyRoutePicker } from './ReplyRoutePicker.tsx';
import { ShortcutSheet, StatusKeyHint } from './ShortcutSheet.tsx';
import type { TimelineHandle } from './Timeline.tsx';
import { TimelinePane } from './TimelinePane.tsx';
import { timelineKey } from './timeline-cache.ts';
import { markTimelineData, startTimelineMeasure } from './timeline-perf.ts';
import { useConversationLive } from './use-conversation-live.ts';
import { useMessageRetry } from './use-message-retry.ts';
import { useReplySender } from './use-reply-sender.ts';
import { useReplyWindow } from './use-reply-window.ts';
import { useAgentTypingSender, useCustomerTyping } from './use-typing.ts';
import { Gone, LoadFailed, Loading } from './ViewStates.tsx';

/**
 * One conversation (D5): header controls, the live timeline, the composer and the details panel.
 * Fills its parent's height; MY WORK and the `/conversations/:id` page both mount it.
 */
export function ConversationView({ conversationId }: { conversationId: string }) {
  // A fresh view per conversation: drafts, scroll position and refusals never leak across.
  return <OpenConversation key={conversationId} conversationId={conversationId} />;
}

function OpenConversation({ conversationId: id }: { conversationId: string }) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  // Before any child effect: the benchmark's marks belong to this conversation from now on.
  useState(() => {
    startTimelineMeasure(id);
    if (queryClient.getQueryData(timelineKey(id))) markTimelineData(id);
  });
  const conversation = useConversation(id);
  const agents = useAgents();
  const queues = useQueues();
  const tags = useConversationTags();
  const changes = useConversationChanges(id);
  const sender = useReplySender(id);
  const routes = useReplyRoutes(id);
  const replyWindow = useReplyWindow(
    routes.current?.channel ?? null,
    routes.current?.lastCustomerMessageAt ?? null,
  );
  const { mutate: retryMessage } = useMessageRetry(id);
  const addNote = useAddNote(id);
  const markUnread = useMarkUnread(id);
  const [gone, setGone] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const timelineView = useRef<TimelineHandle>(null);
  const assignee = useRef<AssigneeSelectHandle>(null);

  // D2: opening marks read; so does a customer message arriving while the agent looks at it.
  // "Mark as unread" cancels a pending read and waits for one in flight, so the read cannot land last.
  const readTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const readInFlight = useRef<Promise<unknown>>(Promise.resolve());
  const markRead = useCallback(() => {
    readInFlight.current = markConversationRead(queryClient, id);
  }, [queryClient, id]);
  useEffect(markRead, [markRead]);
  useEffect(() => () => clearTimeout(readTimer.current), []);
  useConversationLive(id, {
    onRemoved: () => setGone(true),
    onInboundMessage: () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(readTimer.current);
      readTimer.current = setTimeout(markRead, 800);
    },
  });

  const conv = conversation.data;
  const customerTyping = useCustomerTyping(id);
  const typed = useAgentTypingSender(id, routes.current?.channel ?? conv?.channels[0] ?? null);
  const onDraftChange = useCallback(
    (draft: Draft) => {
      saveDraft(queryClient, id, draft);
      if (draft.mode === 'reply') typed(draft.text);
    },
    [queryClient, id, typed],
  );

  const setStatus = (status: ConversationStatus) => {
    if (!conv || status === conv.status || editBlock(conv)) return;
    if (status === 'CLOSED') setConfirmClose(true);
    else void changes.change({ kind: 'update', body: { status } });
  };
  const awaitingStatus = useConversationShortcuts({
    reply: () => composer.current?.focus('reply'),
    note: () => composer.current?.focus('note'),
    setStatus,
    chooseAssignee: () => assignee.current?.open(),
    showSheet: () => setSheetOpen(true),
  });

  const customerName = conv?.customer.name ?? conv?.customer.address ?? 'Customer';
  const { retry, discard } = sender;
  const { mutate: markUnreadNow } = markUnread;
  const markUnreadMessage = useCallback(
    (messageId: string) => {
      clearTimeout(readTimer.current);
      void readInFlight.current.then(() => markUnreadNow(messageId));
    },
    [markUnreadNow],
  );
  const actions = useMemo(
    () => ({
      myUserId: me.id,
      customerName,
      onMarkUnread: markUnreadMessage,
      onRetry: retry,
      onRetryMessage: retryMessage,
      onDiscard: discard,
    }),
    [me.id, customerName, markUnreadMessage, retry, retryMessage, discard],
  );

  if (gone || (conversation.isError && isApiError(conversation.error, 'not_found'))) return <Gone />;
  if (conversation.isError) {
    return (
      <LoadFailed
        title="Could not open the conversation"
        message={conversation.error.message}
        onRetry={() => void conversation.refetch()}
      />
    );
  }
  if (!conv) return <Loading label="Loading the conversation" />;

  const closed = editBlock(conv);
  // Only the Default queue restricts nobody. A queue missing from an agent's list (they see theirs
  // and the Default one) restricts; until the list is here, the server alone decides.
  const convQueue = queues.data?.items.find((q) => q.id === conv.queue?.id);
  const assignment = assignmentChoices({
    me,
    conversation: conv,
    agents: agents.data?.items ?? [],
    queueRestricts: conv.queue !== null && !!queues.data && !convQueue?.isDefault,
  });
  const reply = replyBlock(me, conv);
  const assignToMe = () => void changes.change({ kind: 'assign-to-me' });

  return (
    <div
      className={classes.view}
      data-testid="conversation-view"
      data-conversation-id={id}
      data-status={conv.status}
    >
      <div className={classes.main}>
        <ConversationHeader
          conversation={conv}
          editBlock={closed}
          assignment={assignment}
          assigneeRef={assignee}
          onTopic={(topic) => void changes.change({ kind: 'update', body: { topic } })}
          onStatus={setStatus}
          onPriority={(priority) => void changes.change({ kind: 'update', body: { priority } })}
          onAssign={(userId) => void changes.change({ kind: 'assign', userId })}
          onAssignToMe={assignToMe}
          onToggleDetails={() => setDetailsOpen((open) => !open)}
        />
        {changes.error && (
          <Alert
            color="red"
            variant="light"
            radius={0}
            py="xs"
            icon={<IconAlertTriangle size={16} />}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={changes.clearError}
            data-testid="conversation-error"
          >
            <Text size="sm">{changes.error.message}</Text>
          </Alert>
        )}
        {awaitingStatus && <StatusKeyHint className={classes.hint} />}
        <TimelinePane ref={timelineView} conversationId={id} actions={actions} />
        {customerTyping && <CustomerTyping name={customerName} />}
        <Composer
          ref={composer}
          templates={{
            channel: routes.current?.channel ?? conv.channels[0] ?? null,
            context: {
              customer: { name: conv.customer.name },
              agent: { displayName: me.displayName },
              conversation: { number: conv.number },
            },
          }}
          closedReason={closed}
          replyBlock={reply}
          routePicker={
            <ReplyRoutePicker
              options={routes.options}
              current={routes.current}
              onChoose={routes.choose}
              disabled={!!reply}
            />
          }
          onAssignToMe={
            !conv.assignee && assignment.assignToMe && !assignment.assignToMe.disabledReason
              ? assignToMe
              : undefined
          }
          rules={{ window: replyWindow, sender: routes.current?.ourAddress ?? null }}
          onReply={(reply) => {
            void sender.send(reply, routes.current ? asRoute(routes.current) : undefined);
            requestAnimationFrame(() => timelineView.current?.scrollToEnd());
          }}
          onNote={async (text) => {
            const stored = await addNote.mutateAsync(text).then(
              () => true,
              () => false,
            );
            if (stored) requestAnimationFrame(() => timelineView.current?.scrollToEnd());
            return stored;
          }}
          initialDraft={readDraft(queryClient, id)}
          onDraftChange={onDraftChange}
          error={sender.error?.message ?? (addNote.error ? addNote.error.message : null)}
          onDismissError={() => {
            sender.clearError();
            addNote.reset();
          }}
        />
      </div>
      <aside
        className={classes.side}
        data-open={detailsOpen}
        aria-label="Conversation details"
        onKeyDown={(event) => event.key === 'Escape' && setDetailsOpen(false)}
      >
        <ConversationSidePanel
          conversation={conv}
          queues={queues.data?.items ?? []}
          tagCatalogue={tags.data?.items ?? []}
          editBlock={closed}
          queueBlock={queueChangeBlock(me, conv)}
          onChange={(change) => void changes.change(change)}
          onClose={() => setDetailsOpen(false)}
        />
      </aside>
      <ConfirmDialog
        opened={confirmClose}
        title={`Close conversation #${conv.number}?`}
        confirmLabel="Close conversation"
        onClose={() => setConfirmClose(false)}
        onConfirm={() => {
          setConfirmClose(false);
          void changes.change({ kind: 'update', body: { status: 'CLOSED' } });
        }}
      >
        A closed conversation is final: it leaves every to-do list and can no longer be changed or answered. A
        new customer message will start a new conversation.
      </ConfirmDialog>
      <ShortcutSheet opened={sheetOpen} onClose={() => setSheetOpen(false)} />
    </div>
  );
}
