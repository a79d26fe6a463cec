import { z } from 'zod';
import { Channel, DeliveryState, MessageContentType } from './conversations-enums.ts';

// Customer simulator (docs/simulator.md): an admin or supervisor plays a customer on a configured
// connection; the customer's messages enter through that provider's real inbound path.

/** Providers whose inbound path the simulator can play (live chat: the widget itself). */
export const SIMULATED_PROVIDERS = ['infobip', 'telegram', 'email'] as const;
export const SimulatedProvider = z.enum(SIMULATED_PROVIDERS);
export type SimulatedProvider = z.infer<typeof SimulatedProvider>;

/** A customer the connection already knows: a destination on its channel. */
export const SimulatorCustomer = z.object({ address: z.string(), name: z.string().nullable() });
export type SimulatorCustomer = z.infer<typeof SimulatorCustomer>;

export const SimulatorConnection = z.object({
  id: z.uuid(),
  channel: Channel,
  provider: SimulatedProvider,
  name: z.string(),
  sender: z.string(),
  /** Replies go to Parley's built-in sandbox (ticks come back); otherwise to the real provider. */
  sandbox: z.boolean(),
  customers: z.array(SimulatorCustomer),
});
export type SimulatorConnection = z.infer<typeof SimulatorConnection>;

/** A live-chat widget: played through the widget itself on its demo page (`/widget-demo/:widgetId`). */
export const SimulatorWidget = z.object({ id: z.uuid(), name: z.string(), widgetId: z.string() });
export type SimulatorWidget = z.infer<typeof SimulatorWidget>;

export const SimulatorConnectionList = z.object({
  items: z.array(SimulatorConnection),
  widgets: z.array(SimulatorWidget),
});
export type SimulatorConnectionList = z.infer<typeof SimulatorConnectionList>;

const Address = z.string().trim().min(1).max(320);

export const SimulateMessageRequest = z.object({
  connectionId: z.uuid(),
  customerAddress: Address,
  customerName: z.string().trim().min(1).max(120).optional(),
  text: z.string().trim().min(1).max(4000),
  /** E-mail only: the subject of a first message. */
  subject: z.string().trim().min(1).max(200).optional(),
});
export type SimulateMessageRequest = z.infer<typeof SimulateMessageRequest>;

export const SimulatorTranscriptQuery = z.object({ connectionId: z.uuid(), customerAddress: Address });
export type SimulatorTranscriptQuery = z.infer<typeof SimulatorTranscriptQuery>;

/** One message between the played customer and the connection, as the customer's phone shows it. */
export const SimulatorMessage = z.object({
  id: z.uuid(),
  /** INBOUND = written by the played customer; OUTBOUND = the desk's reply. */
  direction: z.enum(['INBOUND', 'OUTBOUND']),
  contentType: MessageContentType,
  text: z.string(),
  deliveryState: DeliveryState,
  failureReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SimulatorMessage = z.infer<typeof SimulatorMessage>;

export const SimulatorTranscript = z.object({ items: z.array(SimulatorMessage) });
export type SimulatorTranscript = z.infer<typeof SimulatorTranscript>;
