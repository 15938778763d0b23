import { z } from 'zod';
import type { ToolDb } from '../registry/tenant-scope.ts';

/**
 * How the assistant treats changes, stored in Organization.settings.agent_settings. By default
 * every write or approval tool the assistant calls waits for the person's confirmation; the tools
 * named here run at once when the assistant calls them (approval tools still file their request).
 */
export const agentSettingsSchema = z.object({
  tools_without_confirmation: z.array(z.string()).default([]),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;

export async function loadAgentSettings(db: Pick<ToolDb, 'organization'>, orgId: string): Promise<AgentSettings> {
  const organization = await db.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  const settings = (organization?.settings ?? {}) as Record<string, unknown>;
  const parsed = agentSettingsSchema.safeParse(settings.agent_settings ?? {});
  // Only set_agent_settings writes it, validated; anything else there means "confirm everything".
  return parsed.success ? parsed.data : { tools_without_confirmation: [] };
}
