import {
  ReplaceRoutingRulesRequest,
  RoutingRule,
  RoutingRuleList,
  SetRoutingRuleEnabledRequest,
  SimulateRoutingRequest,
  SimulateRoutingResult,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { presentRule } from './routing.presenter.ts';
import { listRules } from './routing.repo.ts';
import { replaceRoutingRules, setRoutingRuleEnabled } from './routing.service.ts';
import { simulateRouting } from './routing.simulate.ts';

const IdParams = z.object({ id: z.uuid() });

/** D4 routing rules for supervisors: the ordered list, saving it whole, toggling one, simulating. */
export async function registerRoutingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orm } = ctx.db;
  const list = async () => ({ items: (await listRules(orm)).map(presentRule) });

  r.get(
    '/api/routing/rules',
    { config: { access: 'supervisor' }, schema: { response: { 200: RoutingRuleList } } },
    list,
  );

  r.put(
    '/api/routing/rules',
    {
      config: { access: 'supervisor' },
      schema: { body: ReplaceRoutingRulesRequest, response: { 200: RoutingRuleList } },
    },
    async (request) => {
      await replaceRoutingRules(ctx.events, request.body.rules);
      return list();
    },
  );

  r.patch(
    '/api/routing/rules/:id',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: SetRoutingRuleEnabledRequest, response: { 200: RoutingRule } },
    },
    async (request) => {
      await setRoutingRuleEnabled(ctx.events, request.params.id, request.body.enabled);
      const rule = (await listRules(orm)).find((x) => x.id === request.params.id);
      if (!rule) throw notFound('Routing rule');
      return presentRule(rule);
    },
  );

  r.post(
    '/api/routing/simulate',
    {
      config: { access: 'supervisor' },
      schema: { body: SimulateRoutingRequest, response: { 200: SimulateRoutingResult } },
    },
    async (request) => simulateRouting(orm, request.body),
  );
}
