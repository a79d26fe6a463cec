export * from './agents.ts';
export * from './common.ts';
export * from './conversations.ts';
export * from './messages.ts';
export * from './metadata.ts';
export * from './notes.ts';
export * from './queues.ts';
export * from './tags.ts';
