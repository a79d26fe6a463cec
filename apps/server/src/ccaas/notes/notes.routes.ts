import {
  CCAAS_NOTE_ORDER_FIELDS,
  CcaasConversationParams,
  CcaasCreateNoteBody,
  type CcaasNote,
  CcaasNoteListQuery,
  CcaasNotePage,
  CcaasNoteParams,
  CcaasNote as CcaasNoteSchema,
  toCcaasDateTime,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { personActor } from '../../modules/conversations/conversations.policy.ts';
import type { NoteRow } from '../../modules/messages/messages.repo.ts';
import { addNote } from '../../modules/messages/messages.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { isUuid } from '../../platform/ids.ts';
import { AGENT_HEADER, findAgentOrFail, headerAgent } from '../acting-agent.ts';
import { findConversationOr404 } from '../conversations/conversation-lookup.ts';
import { ccaasBadRequest, ccaasFieldError, ccaasNotFound } from '../errors.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { findNote, findNotesPage } from './notes.query.ts';

const access = { access: 'api-key' } as const;

function toCcaasNote(note: NoteRow): CcaasNote {
  const at = toCcaasDateTime(note.createdAt);
  return {
    id: note.id,
    conversationId: note.conversationId,
    agentId: note.authorUserId,
    content: note.text,
    type: 'INTERNAL',
    createdAt: at,
    updatedAt: at,
  };
}

/** `/conversations/{id}/notes`: internal notes between agents (list, create, get). */
export async function registerNoteRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  app.get(
    '/conversations/:conversationId/notes',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        querystring: CcaasNoteListQuery,
        response: { 200: CcaasNotePage },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const page = parsePage(request.query, CCAAS_NOTE_ORDER_FIELDS, 'createdAt:asc');
      const { rows, total } = await findNotesPage(db.orm, conv.id, page);
      return { notes: rows.map(toCcaasNote), pagination: paginationOf(page, total) };
    },
  );

  // A note has an author (D2): `agentId` in the body, else the `x-agent-id` header.
  app.post(
    '/conversations/:conversationId/notes',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasCreateNoteBody,
        response: { 200: CcaasNoteSchema },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const { body } = request;
      if (body.type !== 'INTERNAL') throw ccaasBadRequest('Note type ATTACHMENT is not supported');
      const text = typeof body.content === 'string' ? body.content : body.content.text;
      if (!text.trim()) throw ccaasFieldError('content', 'must not be blank');
      const author = body.agentId
        ? await findAgentOrFail(db.orm, body.agentId)
        : await headerAgent(request, db.orm);
      if (!author) throw ccaasFieldError('agentId', `must not be blank (or send the ${AGENT_HEADER} header)`);
      return toCcaasNote(await addNote(events, personActor(author), conv.id, text));
    },
  );

  app.get(
    '/conversations/:conversationId/notes/:noteId',
    { config: access, schema: { params: CcaasNoteParams, response: { 200: CcaasNoteSchema } } },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const { noteId } = request.params;
      const note = isUuid(noteId) ? await findNote(db.orm, conv.id, noteId) : undefined;
      if (!note) throw ccaasNotFound(noteId);
      return toCcaasNote(note);
    },
  );
}
