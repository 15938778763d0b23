import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { accountRow, accountRows, adAccountIdInput, EXAMPLE_ACCOUNT_ID, requireAdAccount } from './account-records.ts';

const FIELDS = ['daily_budget_limit', 'monthly_budget_limit', 'no_conversion_days', 'sync_hour', 'paused'] as const;
const limit = z.number().positive().max(1e12);

export const updateAdAccount = defineTool({
  name: 'update_ad_account',
  title: 'Update an ad account',
  description:
    "Sets an ad account's alert limits (daily and monthly budget caps in the account's currency; null removes one), the days without conversions that raise an alert, the local hour of its daily sync, or pauses its syncing (paused: false resumes). Only the fields given change.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  hints: { idempotent: true },
  keywords: ['budget limit', 'cap alert', 'budget cap', 'sync time', 'stop syncing', 'pause sync'],
  input: z.object({
    ad_account_id: adAccountIdInput,
    daily_budget_limit: limit.nullable().optional().describe("Alert when a day's spend passes this (account currency); null removes it."),
    monthly_budget_limit: limit.nullable().optional().describe('Alert when the month is on pace to pass this; null removes it.'),
    no_conversion_days: z.number().int().min(1).max(90).nullable().optional().describe('Alert after this many days in a row of spend with no conversions; null turns it off.'),
    sync_hour: z.number().int().min(0).max(23).optional().describe("Local hour (the account's time zone) of the daily sync."),
    paused: z.boolean().optional().describe('true stops syncing (history kept); false resumes.'),
  }),
  output: accountRow,
  example: { ad_account_id: EXAMPLE_ACCOUNT_ID, daily_budget_limit: 500 },
  async handler(ctx, input) {
    const account = await requireAdAccount(ctx.db, input.ad_account_id);
    if (!FIELDS.some((field) => input[field] !== undefined)) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    let status = account.status;
    if (input.paused === true) status = 'PAUSED';
    if (input.paused === false && account.status === 'PAUSED') status = account.connectionId || account.isDemo ? 'ACTIVE' : 'DISCONNECTED';
    if (input.paused === false && account.status === 'NEEDS_REAUTH') throw conflict(`${account.name} is not paused: it needs re-authorisation (connect_ad_account).`);
    const updated = await ctx.db.adAccount.update({
      where: { id: account.id },
      data: {
        dailyBudgetLimit: input.daily_budget_limit,
        monthlyBudgetLimit: input.monthly_budget_limit,
        noConversionDays: input.no_conversion_days,
        syncHour: input.sync_hour,
        status,
      },
    });
    const [row] = await accountRows(ctx, [updated]);
    return row!;
  },
});
