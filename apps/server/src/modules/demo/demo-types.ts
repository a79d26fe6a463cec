import type { Channel } from '@parley/contracts';
import type { conversationLog } from '../conversations/conversation-log.schema.ts';
import type { conversationReads, recentlyViewed } from '../conversations/conversation-reads.schema.ts';
import type { conversations, conversationTags } from '../conversations/conversations.schema.ts';
import type { customerDestinations, customers } from '../customers/customers.schema.ts';
import type { messages } from '../messages/messages.schema.ts';
import type { notes } from '../messages/notes.schema.ts';
import type { queueMembers, queues } from '../queues/queues.schema.ts';
import type { tags } from '../tags/tags.schema.ts';
import type { users } from '../users/users.schema.ts';

/** A conversation row as the generator makes it: the database assigns the human number. */
export type DemoConversationRow = Omit<typeof conversations.$inferInsert, 'number'>;

/** Every row of the demo installation, in insertion order; users get their password hash when seeded. */
export interface DemoData {
  users: Omit<typeof users.$inferInsert, 'passwordHash'>[];
  queues: (typeof queues.$inferInsert)[];
  queueMembers: (typeof queueMembers.$inferInsert)[];
  tags: (typeof tags.$inferInsert)[];
  customers: (typeof customers.$inferInsert)[];
  customerDestinations: (typeof customerDestinations.$inferInsert)[];
  conversations: DemoConversationRow[];
  conversationTags: (typeof conversationTags.$inferInsert)[];
  messages: (typeof messages.$inferInsert)[];
  notes: (typeof notes.$inferInsert)[];
  conversationLog: (typeof conversationLog.$inferInsert)[];
  conversationReads: (typeof conversationReads.$inferInsert)[];
  recentlyViewed: (typeof recentlyViewed.$inferInsert)[];
}

/** A generated customer profile with its address on each channel it uses. */
export interface DemoCustomer {
  id: string;
  name: string;
  firstName: string;
  premium: boolean;
  addresses: Partial<Record<Channel, string>>;
}
