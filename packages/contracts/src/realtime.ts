import { z } from 'zod';
import { User } from './auth.ts';
import { Availability } from './enums.ts';

/** Events pushed to browsers over `/api/ws`. `type` is `<entity>.<past verb>`. */
export const RealtimeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.ready'), payload: z.object({ userId: z.uuid() }) }),
  z.object({
    type: z.literal('user.availability_changed'),
    payload: z.object({ userId: z.uuid(), availability: Availability, changedAt: z.string() }),
  }),
  z.object({ type: z.literal('user.updated'), payload: User }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
export type RealtimeEventType = RealtimeEvent['type'];

/** Messages a browser may send over the socket. */
export const RealtimeClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessage>;

/** The server's answer to a client `ping` (not an event: it goes only to the socket that asked). */
export const RealtimePong = z.object({ type: z.literal('pong') });
export type RealtimePong = z.infer<typeof RealtimePong>;

/** Seconds between server heartbeats; a client that hears nothing for 2 intervals reconnects. */
export const HEARTBEAT_SECONDS = 20;
