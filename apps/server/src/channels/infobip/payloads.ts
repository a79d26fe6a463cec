import { z } from 'zod';

// Infobip Messages API payload shapes, as far as the adapter reads them. They are loose objects on
// purpose: Infobip adds fields over time and an unknown field must never make us drop a message.
// These types stay inside channels/infobip (ARCHITECTURE house rule 4).

const Status = z.looseObject({
  groupName: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
});

const DeliveryError = z.looseObject({
  groupName: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  permanent: z.boolean().optional(),
});

/** One element of an incoming message's `content` array; fields depend on `type`. */
export const IncomingContentPart = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  cleanText: z.string().optional(),
  url: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});
export type IncomingContentPart = z.infer<typeof IncomingContentPart>;

/** The answers of a `FORM_RESPONSE` part (an Apple Messages for Business form): one selection per page. */
export const FormSelections = z.array(
  z.looseObject({
    text: z.string().optional(),
    items: z.array(z.looseObject({ title: z.string().optional(), value: z.string().optional() })).default([]),
  }),
);

/** An `event: MO` result: a message the customer sent us. */
export const MoEvent = z.looseObject({
  event: z.literal('MO'),
  channel: z.string(),
  sender: z.string().min(1),
  destination: z.string().min(1),
  content: z.array(IncomingContentPart),
  /** Optional here: the mapper falls back to the server's time rather than lose the message. */
  receivedAt: z.string().optional(),
  messageId: z.string().min(1),
});
export type MoEvent = z.infer<typeof MoEvent>;

/** An `event: DELIVERY` result: the fate of a message we sent. */
export const DeliveryResult = z.looseObject({
  event: z.literal('DELIVERY'),
  messageId: z.string().min(1),
  doneAt: z.string(),
  status: Status,
  error: DeliveryError.optional(),
});
export type DeliveryResult = z.infer<typeof DeliveryResult>;

/** An `event: SEEN` result: the customer opened a message we sent. */
export const SeenResult = z.looseObject({
  event: z.literal('SEEN'),
  messageId: z.string().min(1),
  seenAt: z.string(),
});
export type SeenResult = z.infer<typeof SeenResult>;

/** Every webhook Infobip posts (incoming messages, delivery and seen reports) wraps `results`. */
export const WebhookEnvelope = z.looseObject({
  results: z.array(z.looseObject({ event: z.string().optional(), messageId: z.string().optional() })),
});

/** 200 answer of `POST /messages-api/1/messages`. */
export const SendResponse = z.looseObject({
  bulkId: z.string().optional(),
  messages: z
    .array(
      z.looseObject({ messageId: z.string().min(1), status: Status, destination: z.string().optional() }),
    )
    .min(1),
});

const Violation = z.looseObject({ property: z.string().optional(), violation: z.string().optional() });

/** Infobip's error body (`ApiError`) for 4xx/5xx answers. */
export const ApiErrorBody = z.looseObject({
  errorCode: z.string().optional(),
  description: z.string().optional(),
  action: z.string().optional(),
  violations: z.array(Violation).optional(),
  /** Validation answers (`/messages-api/1/messages/validate`): remarks that do not stop a send. */
  skippableViolations: z.array(Violation).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
