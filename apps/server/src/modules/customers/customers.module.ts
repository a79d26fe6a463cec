import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerCustomerAdminRoutes } from './customer-admin.routes.ts';
import { registerCustomerAttributeRoutes } from './customer-attributes.routes.ts';
import { registerCustomerLinkRoutes } from './customer-link.routes.ts';
import { registerCustomersRoutes } from './customers.routes.ts';

/** D6 customer profiles ("People"), their attributes, the customer card and conversation links. */
export async function registerCustomersModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerCustomersRoutes(app, ctx);
  await registerCustomerAdminRoutes(app, ctx);
  await registerCustomerAttributeRoutes(app, ctx);
  await registerCustomerLinkRoutes(app, ctx);
}
