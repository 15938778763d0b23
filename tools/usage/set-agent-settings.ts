import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { agentSettingsSchema } from './agent-settings.ts';

export const setAgentSettings = defineTool({
  name: 'set_agent_settings',
  title: 'Set what the assistant may change without asking',
  description:
    'Names the write tools the assistant may run as soon as it calls them, without asking the person to confirm (by default every change it proposes waits for Confirm). ' +
    'The list replaces the previous one; an empty list means every change is confirmed. Returns the settings in force.',
  area: 'access',
  access: 'write',
  permission: 'org:admin',
  // People decide what the assistant may do unasked; the assistant never widens it (an instruction smuggled into data might ask it to).
  surfaces: ['CLI', 'HTTP', 'WEB', 'MCP'],
  keywords: ['confirmation', 'auto-run', 'assistant permissions', 'allow without asking'],
  input: z.object({
    tools_without_confirmation: z.array(z.string().trim().min(1)).max(100).describe('Names of write tools (e.g. update_campaign) the assistant may run without a confirmation.'),
  }),
  output: agentSettingsSchema.describe('The settings in force.'),
  hints: { idempotent: true },
  example: { tools_without_confirmation: ['update_campaign'] },
  async handler(ctx, input) {
    const names = [...new Set(input.tools_without_confirmation)];
    names.forEach((name, index) => {
      const tool = ctx.catalogue.get(name);
      if (!tool) throw invalidInput(`tools_without_confirmation[${index}]`, `there is no tool named ${name}`);
      if (tool.access === 'read') throw invalidInput(`tools_without_confirmation[${index}]`, `${name} only reads, and reads never ask for confirmation`);
      if (name === 'set_agent_settings' || name === 'set_model_budget') throw invalidInput(`tools_without_confirmation[${index}]`, `${name} is for people only; the assistant cannot call it`);
    });
    const settings = agentSettingsSchema.parse({ tools_without_confirmation: names });
    const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
    await ctx.db.organization.update({ where: { id: ctx.orgId }, data: { settings: { ...((organization.settings ?? {}) as Record<string, unknown>), agent_settings: settings } } });
    return settings;
  },
});
