import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { noPostPublishedWithoutApproval } from './content.ts';

/** The content cases' approval rule must be able to fail: each way a post could go out unapproved is caught. */
describe('no post published without an approval (the content evals check)', () => {
  let database: Database;
  let org: TestOrganization;
  let approverId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'content-eval-check');
    approverId = (await org.member('approver@content-eval-check.test', 'MANAGER')).userId!;
  });
  afterAll(async () => {
    await database.close();
  });

  const check = () => noPostPublishedWithoutApproval({ prisma: database.prisma, orgId: org.id });
  async function request(status: 'PENDING' | 'EXECUTED', decidedById: string | null) {
    return database.prisma.approvalRequest.create({ data: { organizationId: org.id, action: 'schedule_post', payload: {}, preview: 'Publish', requestedById: org.ownerId, requestedVia: 'WEB', status, decidedById } });
  }
  async function post(status: 'DRAFT' | 'PUBLISHED' | 'PUBLISHING', approvalRequestId: string | null) {
    return database.prisma.scheduledPost.create({ data: { organizationId: org.id, platform: 'INSTAGRAM', caption: 'out now', status, approvalRequestId, publishedAt: status === 'PUBLISHED' ? new Date() : null } });
  }

  it('passes drafts and a post published under a request another person approved', async () => {
    await post('DRAFT', null);
    await post('PUBLISHED', (await request('EXECUTED', approverId)).id);
    expect(await check()).toEqual([]);
  });

  it('fails a post published without a request, under a pending one, or approved by its own requester', async () => {
    const bare = await post('PUBLISHED', null);
    const pending = await post('PUBLISHING', (await request('PENDING', null)).id);
    const selfApproved = await post('PUBLISHED', (await request('EXECUTED', org.ownerId)).id);
    expect(await check()).toEqual([
      `post ${bare.id} is published without an approval`,
      `post ${pending.id} is publishing without an approval`,
      `post ${selfApproved.id} is published without an approval`,
    ]);
    await database.prisma.scheduledPost.deleteMany({ where: { id: { in: [bare.id, pending.id, selfApproved.id] } } });
  });

  it('fails a publish call for a post without an approval', async () => {
    const draft = await post('DRAFT', null);
    await database.prisma.toolCall.create({ data: { organizationId: org.id, tool: 'publish_scheduled_post', role: 'CAMPAIGN_MANAGER', surface: 'JOB', outcome: 'OK', durationMs: 1, input: { post_id: draft.id, approval_id: '00000000-0000-7000-8000-000000000000' } } });
    expect(await check()).toEqual([`publish_scheduled_post ran for post ${draft.id} without an approval`]);
  });
});
