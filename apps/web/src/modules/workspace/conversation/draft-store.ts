import type { QueryClient } from '@tanstack/react-query';
import type { ComposerMode } from './Composer.tsx';

/** What the agent was writing in a conversation, kept while they look at another one. */
export interface Draft {
  mode: ComposerMode;
  text: string;
}

// One map per query client (i.e. per signed-in app), so drafts never outlive the session.
const drafts = new WeakMap<QueryClient, Map<string, Draft>>();

function draftsOf(queryClient: QueryClient): Map<string, Draft> {
  let map = drafts.get(queryClient);
  if (!map) {
    map = new Map();
    drafts.set(queryClient, map);
  }
  return map;
}

export function readDraft(queryClient: QueryClient, conversationId: string): Draft | undefined {
  return draftsOf(queryClient).get(conversationId);
}

/** Keeps the draft; an empty reply draft is forgotten. */
export function saveDraft(queryClient: QueryClient, conversationId: string, draft: Draft): void {
  const map = draftsOf(queryClient);
  if (draft.text === '' && draft.mode === 'reply') map.delete(conversationId);
  else map.set(conversationId, draft);
}
