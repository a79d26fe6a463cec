import { Navigate, useParams } from 'react-router';
import { ConversationView } from './ConversationView.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/conversations/:conversationId`: a conversation opened from anywhere (Recently viewed, the
 * customer card). It fills the shell's content area edge to edge, as MY WORK does.
 */
export function ConversationPage() {
  const { conversationId } = useParams();
  if (!conversationId || !UUID.test(conversationId)) return <Navigate to="/" replace />;
  return (
    <div
      style={{
        margin: 'calc(-1 * var(--app-shell-padding))',
        height: 'calc(100dvh - var(--app-shell-header-offset, 0px))',
      }}
    >
      <ConversationView conversationId={conversationId} />
    </div>
  );
}
