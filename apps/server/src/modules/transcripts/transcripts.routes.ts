import { BulkTranscriptRequest, TranscriptQuery } from '@parley/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { downloadTranscripts, type TranscriptDownload } from './transcripts.service.ts';

const IdParams = z.object({ id: z.uuid() });

function sendZip(reply: FastifyReply, download: TranscriptDownload) {
  return reply
    .header('content-type', 'application/zip')
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header('cache-control', 'no-store')
    .send(download.zip);
}

/** D9 transcript downloads: a .zip of .txt or .xlsx transcripts, streamed. */
export async function registerTranscriptRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const agent = { access: 'agent' } as const;

  r.get(
    '/api/conversations/:id/transcript',
    { config: agent, schema: { params: IdParams, querystring: TranscriptQuery } },
    async (request, reply) => {
      const { viewer } = callerOf(request);
      return sendZip(
        reply,
        await downloadTranscripts(ctx, viewer, { ids: [request.params.id] }, request.query),
      );
    },
  );

  r.post(
    '/api/conversations/transcripts',
    { config: agent, schema: { body: BulkTranscriptRequest } },
    async (request, reply) => {
      const { viewer } = callerOf(request);
      const { format, notes, ...selection } = request.body;
      return sendZip(reply, await downloadTranscripts(ctx, viewer, selection, { format, notes }));
    },
  );
}
