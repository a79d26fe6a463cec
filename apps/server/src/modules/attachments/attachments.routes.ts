import { Attachment, UploadAttachmentQuery } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { presentAttachment, sendFile } from './attachments.presenter.ts';
import { findAttachmentContent, findAttachmentMeta } from './attachments.repo.ts';
import {
  getAttachment,
  isSignatureValid,
  loadDownloadableAttachment,
  maxAttachmentBytes,
  PUBLIC_ATTACHMENT_PATH,
  storeAttachment,
} from './attachments.service.ts';

const IdParams = z.object({ id: z.uuid() });
const PublicParams = z.object({ id: z.uuid(), fileName: z.string() });
const SignedQuery = z.object({ expires: z.coerce.number().int(), signature: z.string().max(100) });

/**
 * The attachment store over HTTP: agents upload files for their replies and download the files of
 * conversations they may see; providers fetch media through signed, expiring public URLs.
 */
export async function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { orm } = ctx.db;
  const maxBytes = maxAttachmentBytes(ctx.config);

  await app.register(async (scope) => {
    // The body is the file itself, whatever its type; its bytes decide what it is.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/attachments',
      {
        config: { access: 'agent' },
        bodyLimit: maxBytes,
        schema: { querystring: UploadAttachmentQuery, response: { 201: Attachment } },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
          throw new AppError('validation_failed', 400, 'Send the file as the request body');
        }
        const ref = await storeAttachment(orm, ctx.config, {
          bytes,
          fileName: request.query.fileName,
          declaredType: request.headers['content-type'] ?? '',
          uploadedByUserId: callerOf(request).viewer.userId,
        });
        return reply.status(201).send(presentAttachment(await getAttachment(orm, ref.id)));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/attachments/:id',
    { config: { access: 'agent' }, schema: { params: IdParams } },
    async (request, reply) => {
      const meta = await loadDownloadableAttachment(orm, request.params.id, callerOf(request).viewer);
      const content = await findAttachmentContent(orm, meta.id);
      if (!content) throw notFound('Attachment');
      return sendFile(reply, meta, content, 'private, max-age=3600');
    },
  );

  // Providers fetch media here without a session: the signature is the permission, so the
  // request (its URL carries the signature) is logged only when something goes wrong.
  r.get(
    `${PUBLIC_ATTACHMENT_PATH}/:id/:fileName`,
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { params: PublicParams, querystring: SignedQuery },
    },
    async (request, reply) => {
      const meta = await findAttachmentMeta(orm, request.params.id);
      if (!meta || !isSignatureValid(meta, request.query.expires, request.query.signature)) {
        throw new AppError('forbidden', 403, 'This link is not valid or has expired');
      }
      const content = await findAttachmentContent(orm, meta.id);
      if (!content) throw notFound('Attachment');
      // Loadable from any origin (the live-chat widget on a customer's site): the signature is the permission.
      reply.header('cross-origin-resource-policy', 'cross-origin');
      return sendFile(reply, meta, content, 'private, no-store');
    },
  );
}
