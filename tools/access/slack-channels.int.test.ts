import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';

describe('bind_slack_channel and unbind_slack_channel', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('slack-channels'));
    other = await createTestOrganization(database, 'slack-channels-other');
    await database.prisma.slackWorkspace.create({ data: { organizationId: org.id, teamId: 'TA' } });
    await database.prisma.slackWorkspace.create({ data: { organizationId: other.id, teamId: 'TB' } });
  });
  afterAll(async () => {
    await database.close();
  });

  it('binds once, reports what the channel receives, unbinds, and leaves audit rows', async () => {
    const first = await runner.call('bind_slack_channel', { team_id: 'TA', channel_id: 'C1' }, org.as('ADMIN', { surface: 'SLACK' }));
    expect(first.ok && first.output).toEqual({ team_id: 'TA', channel_id: 'C1', purposes: ['DIGESTS', 'ALERTS'] });
    const again = await runner.call('bind_slack_channel', { team_id: 'TA', channel_id: 'C1', purposes: ['APPROVALS', 'DIGESTS'] }, org.as('ADMIN'));
    expect(again.ok && again.output).toMatchObject({ purposes: ['DIGESTS', 'ALERTS', 'APPROVALS'] });
    const removed = await runner.call('unbind_slack_channel', { team_id: 'TA', channel_id: 'C1' }, org.as('OWNER'));
    expect(removed.ok && removed.output).toEqual({ removed: 3 });
    expect(await database.prisma.toolCall.count({ where: { organizationId: org.id, tool: { in: ['bind_slack_channel', 'unbind_slack_channel'] } } })).toBe(3);
  });

  it('needs an admin, and never reaches another organisation\'s workspace', async () => {
    const manager = await runner.call('bind_slack_channel', { team_id: 'TA', channel_id: 'C1' }, org.as('MANAGER'));
    expect(manager.ok || manager.error.code).toBe('forbidden');
    const foreign = await runner.call('bind_slack_channel', { team_id: 'TB', channel_id: 'C9' }, org.as('ADMIN'));
    expect(foreign.ok || foreign.error.code).toBe('not_found');
    expect(await database.prisma.slackChannelBinding.count({ where: { teamId: 'TB' } })).toBe(0);
  });
});
