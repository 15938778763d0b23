import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';

/**
 * Tools that exist only in tests, to exercise the registry's own guarantees (rollback, approval
 * execution) before the domain areas bring real ones. They go through the same registry.
 */
export const fixtureCreateClient = defineTool({
  name: 'fixture_create_client',
  title: 'Create a client (test fixture)',
  description: 'Creates a client; the name "explode" fails after writing, "bad-output" breaks the output schema.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({ name: z.string().min(1).describe('Client name.'), emails: z.array(z.email()).default([]) }),
  output: z.object({ id: z.string(), name: z.string() }),
  async handler(ctx, input) {
    const client = await ctx.db.client.create({ data: { organizationId: ctx.orgId, name: input.name, emails: input.emails } });
    if (input.name === 'explode') throw new Error('boom after the write');
    if (input.name === 'bad-output') return { id: client.id } as never;
    return { id: client.id, name: client.name };
  },
});

export const fixturePayVendor = defineTool({
  name: 'fixture_pay_vendor',
  title: 'Pay a vendor (test fixture)',
  description: 'An approval action: records one payment activity per execution.',
  area: 'campaigns',
  access: 'approval',
  permission: 'campaigns:write',
  input: z.object({ vendor: z.string().describe('Vendor name.'), amount: z.number().positive().describe('USD.') }),
  output: z.object({ paid: z.number() }),
  preview: (_ctx, input) => `Pay ${input.vendor} ${input.amount.toFixed(2)} USD`,
  async handler(ctx, input) {
    await ctx.db.activity.create({
      data: {
        organizationId: ctx.orgId,
        subjectType: 'vendor',
        subjectId: input.vendor,
        kind: 'payment',
        summary: `Paid ${input.amount}`,
        data: { approvalId: ctx.approvalId ?? null },
      },
    });
    return { paid: input.amount };
  },
});
