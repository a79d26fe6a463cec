export * from './auth.ts';
export * from './conversations-enums.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './inbound.ts';
export * from './limits.ts';
export * from './realtime.ts';
export * from './users.ts';
