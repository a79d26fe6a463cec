import { Readable } from 'node:stream';
import {
  Customer,
  ImportCustomersRequest,
  ImportCustomersResult,
  MergeCustomersRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { exportCustomersCsv } from './customer-export.ts';
import { importCustomers } from './customer-import.service.ts';
import { mergeCustomers } from './customer-merge.service.ts';
import { presentCustomer } from './customers.presenter.ts';
import { IdParams } from './customers.routes.ts';

/** The import's JSON body may hold 5 M characters of CSV, up to 3 bytes each in UTF-8. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** Supervisors' bulk work on profiles: merging duplicates, CSV import and export (docs/customers.md). */
export async function registerCustomerAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/customers/:id/merge',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: MergeCustomersRequest, response: { 200: Customer } },
    },
    async (request) => {
      const { actor } = callerOf(request);
      const kept = await mergeCustomers(ctx.events, actor, request.params.id, request.body.mergedCustomerId);
      return presentCustomer(kept);
    },
  );

  r.post(
    '/api/customers/import',
    {
      config: { access: 'supervisor' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { body: ImportCustomersRequest, response: { 200: ImportCustomersResult } },
    },
    async (request) => importCustomers(ctx.events, request.body.csv),
  );

  r.get('/api/customers/export', { config: { access: 'supervisor' } }, async (_request, reply) => {
    const day = new Date().toISOString().slice(0, 10);
    return (
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="customers-${day}.csv"`)
        // A failing page destroys this stream with the error, and Fastify then cuts the connection
        // (headers are out): the download fails instead of ending as a truncated file
        // (customer-export.int.test.ts).
        .send(Readable.from(exportCustomersCsv(ctx.db.orm)))
    );
  });
}
