import { useCallback, useState } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { ConversationView } from '../conversation/ConversationView.tsx';
import { useConversationListsRealtime } from '../conversations-api.ts';
import { NewConversationModal } from '../new-conversation/NewConversationModal.tsx';
import classes from './MyWorkPage.module.css';
import { MyWorkPane } from './MyWorkPane.tsx';
import { NoConversationSelected } from './NoConversationSelected.tsx';
import { usePageKey } from './use-list-keyboard.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list on the left, the open conversation (or a hint) on the right. */
function MyWorkLayout({ onNew }: { onNew: () => void }) {
  const { conversationId } = useParams();
  if (conversationId !== undefined && !UUID.test(conversationId)) return <Navigate to="/my-work" replace />;
  return (
    <div className={classes.page}>
      <aside className={classes.list} aria-label="Conversation lists">
        <MyWorkPane selectedId={conversationId} onNew={onNew} />
      </aside>
      <section className={classes.detail} aria-label="Conversation">
        {conversationId ? <ConversationView conversationId={conversationId} /> : <NoConversationSelected />}
      </section>
    </div>
  );
}

/**
 * MY WORK (D5): `/my-work` (list) and `/my-work/:conversationId` (list + conversation); VIEW ALL
 * opens ALL WORK filtered to the agent's conversations. The lists stay live while any of them shows.
 */
export function MyWorkPage() {
  useConversationListsRealtime();
  const [newOpened, setNewOpened] = useState(false);
  const openNew = useCallback(() => setNewOpened(true), []);
  usePageKey('+', openNew);
  return (
    <>
      <Routes>
        <Route path=":conversationId?" element={<MyWorkLayout onNew={openNew} />} />
      </Routes>
      <NewConversationModal opened={newOpened} onClose={() => setNewOpened(false)} />
    </>
  );
}
