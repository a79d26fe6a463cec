import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerTranscriptRoutes } from './transcripts.routes.ts';

/** D9 conversation transcripts (.txt / .xlsx in a .zip). */
export async function registerTranscriptsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerTranscriptRoutes(app, ctx);
}
