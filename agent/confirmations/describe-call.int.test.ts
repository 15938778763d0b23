import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../testing/agent-test-world.ts';
import { INJECTED, seedGuardedOrg, type GuardedOrg } from '../testing/guard-scenarios.ts';
import { describeCall } from './describe-call.ts';

describe('a proposed call in words', () => {
  let world: AgentTestWorld;
  let org: GuardedOrg;
  let playlistId: string;
  beforeAll(async () => {
    world = await openAgentTestWorld('describe-call');
    org = await seedGuardedOrg(world.database.prisma, world.org.id);
    playlistId = (await world.database.prisma.playlist.findFirstOrThrow({ where: { organizationId: world.org.id } })).id;
  });
  afterAll(async () => { await world.database.close(); });

  const describeAs = (tool: string, input: Record<string, unknown>) => describeCall(world.database.prisma, world.org.id, world.runner.catalogue.get(tool)!, input);

  it('names the record once after a title that already says what it is', async () => {
    expect(await describeAs('pay_vendor', { vendor_id: org.payeeId, amount: 250, campaign_id: org.campaignId })).toBe("Pay a vendor 'Pulse Media', campaign 'Summer Hearts': amount 250?");
    expect(await describeAs('update_campaign', { campaign_id: org.campaignId, name: 'Autumn Hearts' })).toBe("Update a campaign 'Summer Hearts': name 'Autumn Hearts'?");
    expect(await describeAs('remove_vendor_playlist', { playlist_id: playlistId })).toBe(`Retire a playlist '${INJECTED}'?`);
    expect(await describeAs('update_vendor', { vendor_id: '0190a000-0000-7000-8000-000000000000' })).toBe('Update a vendor 0190a000-0000-7000-8000-000000000000 (not found)?');
  });

  it('says a status change as its verb, with the noun', async () => {
    expect(await describeAs('update_campaign', { campaign_id: org.campaignId, status: 'paused' })).toBe("Pause campaign 'Summer Hearts'?");
  });
});
