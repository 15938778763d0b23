import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scriptedModel } from '../agent/testing/scripted-model.ts';
import type { Principal } from '../tools/registry/runner.ts';
import { APPROVE_ACTION, REJECT_ACTION } from './render/approval-blocks.ts';
import { HELP_TEXT } from './listeners/slash-command.ts';
import { UNKNOWN_USER_MESSAGE, UNKNOWN_WORKSPACE_MESSAGE } from './tenancy/slack-identity.ts';
import { buttonClick, eventCallback, openSlackTestWorld, slashCommand, TEAM_A, TEAM_B, type SlackTestWorld } from './testing/slack-test-world.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNEL = 'CMARKETING';

describe('Slack bot over HTTP (real Bolt app, signed requests, fake Slack Web API)', () => {
  let world: SlackTestWorld;
  let manager: Principal;
  let requester: Principal;
  let managerOfB: Principal;

  beforeAll(async () => {
    world = await openSlackTestWorld();
    manager = await world.orgA.member('ana@slack-a.test', 'MANAGER');
    requester = await world.orgA.member('cam@slack-a.test', 'CAMPAIGN_MANAGER', 'SLACK');
    managerOfB = await world.orgB.member('bo@slack-b.test', 'MANAGER');
    await world.orgA.member('vic@slack-a.test', 'VIEWER');
    world.slack.addUser({ id: 'UANA', email: 'Ana@Slack-A.test' });
    world.slack.addUser({ id: 'UCAM', email: 'cam@slack-a.test' });
    world.slack.addUser({ id: 'UVIC', email: 'vic@slack-a.test' });
    world.slack.addUser({ id: 'UOWNER', email: 'owner@slack-a.test' });
    world.slack.addUser({ id: 'UBO', email: 'bo@slack-b.test' });
    world.slack.addUser({ id: 'UNOBODY', email: 'nobody@elsewhere.test' });
    world.slack.addUser({ id: 'UUNCONFIRMED', email: 'ana@slack-a.test', emailConfirmed: false });
  });
  afterAll(async () => { await world?.close(); });
  beforeEach(() => { world.slack.calls.length = 0; world.slack.uploads.length = 0; world.slack.responses.length = 0; });

  describe('requests', () => {
    it('answers url_verification with the challenge', async () => {
      const response = await world.send.event({ type: 'url_verification', token: 'legacy', challenge: 'abc123' });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ challenge: 'abc123' });
    });

    it('rejects a bad signature and a stale timestamp with 401, and does nothing', async () => {
      const mention = eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> hi', ts: '1.1', channel: CHANNEL });
      expect((await world.send.event(mention, { secret: 'forged' })).status).toBe(401);
      expect((await world.send.event(mention, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
      expect((await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'help', world.slack.responseUrl('x')), { secret: 'forged' })).status).toBe(401);
      expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('accepts a properly signed request only within a small clock skew: up to 5 minutes old, at most a minute ahead', async () => {
      const now = Math.floor(Date.now() / 1000);
      const help = () => slashCommand(TEAM_A, 'UANA', CHANNEL, 'help', world.slack.responseUrl('skew'));
      const future = await world.send.command(help(), { timestamp: now + 600 });
      expect(future.status).toBe(401);
      expect(future.body).not.toContain('/crescendo help');
      expect((await world.send.command(help(), { timestamp: now + 120 })).status).toBe(401);
      expect((await world.send.command(help(), { timestamp: now - 301 })).status).toBe(401);
      for (const skew of [30, -240]) {
        const accepted = await world.send.command(help(), { timestamp: now + skew });
        expect(accepted.status, `skew ${skew} s`).toBe(200);
        expect(JSON.parse(accepted.body).text).toBe(HELP_TEXT);
      }
    });
  });

  describe('mentions and DMs', () => {
    it('answers a mention in its thread, as the mapped member: a working message replaced by the answer, and a chart', async () => {
      world.setModel(scriptedModel([
        { toolCalls: [{ name: 'whoami', input: {} }] },
        { text: 'You are **ana@slack-a.test**.\n\n| vendor | streams |\n| --- | --- |\n| Alpha | 1,200 |\n| Beta | 3,400 |\n| Gamma | 2,800 |' },
      ]));
      const response = await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> who am I?', ts: '1700000100.000100', channel: CHANNEL }));
      expect(response.status).toBe(200);

      const [working] = world.slack.callsTo('chat.postMessage');
      expect(working!.args).toMatchObject({ channel: CHANNEL, thread_ts: '1700000100.000100', text: 'Thinking…' });
      const answer = world.slack.callsTo('chat.update').at(-1)!;
      expect(answer.args).toMatchObject({ channel: CHANNEL, ts: world.slack.postedTs(working!) });
      const blocks = JSON.stringify(answer.args.blocks);
      expect(blocks).toContain('You are *ana@slack-a.test*.');
      expect(blocks).toContain('```');
      expect(blocks).not.toContain('cancel_turn');
      expect(world.slack.uploads).toHaveLength(1);
      expect(world.slack.uploads[0]!.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(world.slack.callsTo('files.completeUploadExternal')[0]!.args).toMatchObject({ channel_id: CHANNEL, thread_ts: '1700000100.000100' });

      const audit = await world.database.prisma.toolCall.findFirst({ where: { organizationId: world.orgA.id, tool: 'whoami' }, orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({ userId: manager.userId, role: 'MANAGER', surface: 'AGENT' });
    });

    it('continues the conversation when the thread is followed up, and answers a Slack retry once', async () => {
      const prompts: string[] = [];
      world.setModel(scriptedModel((call) => {
        prompts.push(JSON.stringify(call.prompt));
        return { text: `Answer ${prompts.length}` };
      }));
      const thread = '1700000200.000100';
      await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> first question about Alpha', ts: thread, channel: CHANNEL }));
      const followUp = eventCallback(TEAM_A, { type: 'message', channel_type: 'channel', user: 'UANA', text: 'and what about Beta?', ts: '1700000200.000200', thread_ts: thread, channel: CHANNEL });
      await world.send.event(followUp);
      await world.send.event(followUp, { retryNum: 1 });

      expect(prompts).toHaveLength(2);
      expect(prompts[1]).toContain('first question about Alpha');
      expect(prompts[1]).toContain('Answer 1');
      const posts = world.slack.callsTo('chat.postMessage');
      expect(posts.map((post) => post.args.thread_ts)).toEqual([thread, thread]);
      expect(world.slack.callsTo('chat.update').map((update) => update.args.text)).toEqual(['Answer 1', 'Answer 2']);
      const threads = await world.database.prisma.agentThread.findMany({ where: { organizationId: world.orgA.id, externalKey: `slack:${TEAM_A}:${CHANNEL}:${thread}` } });
      expect(threads).toHaveLength(1);
      expect(threads[0]!.channel).toBe('SLACK');
    });

    it('answers a direct message in its thread', async () => {
      world.setModel(scriptedModel([{ text: 'Hello from the DM' }]));
      await world.send.event(eventCallback(TEAM_A, { type: 'message', channel_type: 'im', user: 'UANA', text: 'hello', ts: '1700000300.000100', channel: 'DANA' }));
      expect(world.slack.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'DANA', thread_ts: '1700000300.000100' });
      expect(world.slack.callsTo('chat.update')[0]!.args).toMatchObject({ channel: 'DANA', text: 'Hello from the DM' });
    });

    it('without a model, answers how to configure one', async () => {
      world.setModel(null);
      await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> hi', ts: '1700000400.000100', channel: CHANNEL }));
      expect(String(world.slack.callsTo('chat.update')[0]!.args.text)).toMatch(/ANTHROPIC_API_KEY/);
    });

    it('tells an unknown user, an unconfirmed email and an unknown workspace so, and shows no data', async () => {
      let modelCalls = 0;
      world.setModel(scriptedModel(() => ({ text: `secret ${++modelCalls}` })));
      await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UNOBODY', text: '<@UBOT> show me spend', ts: '1700000500.000100', channel: CHANNEL }));
      await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UUNCONFIRMED', text: '<@UBOT> show me spend', ts: '1700000500.000200', channel: CHANNEL }));
      await world.send.event(eventCallback('TUNKNOWN', { type: 'app_mention', user: 'UANA', text: '<@UBOT> show me spend', ts: '1700000500.000300', channel: CHANNEL }));
      expect(modelCalls).toBe(0);
      expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
      expect(world.slack.callsTo('chat.postEphemeral').map((call) => call.args.text)).toEqual([UNKNOWN_USER_MESSAGE, UNKNOWN_USER_MESSAGE, UNKNOWN_WORKSPACE_MESSAGE]);
    });
  });

  describe('approval buttons', () => {
    async function fileRequest(amount: number): Promise<string> {
      const filed = await world.runner.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount }, requester);
      if (!filed.ok) throw new Error(filed.error.message);
      return (filed.output as { approval_id: string }).approval_id;
    }

    async function payments(approvalId: string): Promise<number> {
      return world.database.prisma.activity.count({ where: { organizationId: world.orgA.id, kind: 'payment', data: { path: ['approvalId'], equals: approvalId } } });
    }

    it('posts a request with buttons to the approvals channel; an Approve click decides once even when Slack retries, updates the message and posts the result', async () => {
      const bind = await world.send.command(slashCommand(TEAM_A, 'UOWNER', 'CAPPROVALS', 'bind approvals', world.slack.responseUrl('bind')));
      expect(bind.status).toBe(200);
      const approvalId = await fileRequest(120);
      // Filing the request queued approvals.notify, which posts it to the approvals channel.
      await world.jobs.drain();
      const postedToApprovals = world.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CAPPROVALS');
      expect(postedToApprovals).toHaveLength(1);
      const [posted] = postedToApprovals;
      const buttons = JSON.stringify(posted!.args.blocks);
      expect(buttons).toContain(APPROVE_ACTION);
      expect(buttons).toContain(REJECT_ACTION);
      const ts = String(posted!.args.ts ?? '');
      const messageTs = ts || (await world.database.prisma.slackApprovalMessage.findFirstOrThrow({ where: { approvalId } })).messageTs;

      const click = buttonClick(TEAM_A, 'UANA', APPROVE_ACTION, approvalId, { channel: 'CAPPROVALS', ts: messageTs }, world.slack.responseUrl('click'));
      expect((await world.send.interaction(click)).status).toBe(200);
      expect((await world.send.interaction(click, { retryNum: 1 })).status).toBe(200);
      expect((await world.send.interaction(click, { retryNum: 2 })).status).toBe(200);
      await world.jobs.drain();

      const request = await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
      expect(request).toMatchObject({ status: 'EXECUTED', decidedById: manager.userId, decidedVia: 'SLACK' });
      expect(await payments(approvalId)).toBe(1);
      expect(await world.database.prisma.toolCall.count({ where: { organizationId: world.orgA.id, tool: 'decide_approval' } })).toBe(1);

      const updates = world.slack.callsTo('chat.update');
      expect(updates.length).toBeGreaterThanOrEqual(1);
      expect(updates.every((update) => update.args.channel === 'CAPPROVALS' && update.args.ts === messageTs)).toBe(true);
      expect(JSON.stringify(updates.at(-1)!.args.blocks)).toContain('Approved and done');
      expect(JSON.stringify(updates.at(-1)!.args.blocks)).not.toContain(APPROVE_ACTION);
      const result = world.slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === messageTs);
      expect(String(result!.args.text)).toContain('Done: Pay Club Restricted 120.00 USD');

      // A second, separate click (not a retry) is refused by the registry: decided once.
      await world.send.interaction(buttonClick(TEAM_A, 'UANA', REJECT_ACTION, approvalId, { channel: 'CAPPROVALS', ts: messageTs }, world.slack.responseUrl('again')));
      expect(world.slack.responses.find((response) => response.name === 'again')!.body.text).toMatch(/already decided/);
    });

    it('checks the role and never lets a requester decide their own request', async () => {
      const approvalId = await fileRequest(30);
      await world.send.interaction(buttonClick(TEAM_A, 'UVIC', APPROVE_ACTION, approvalId, { channel: CHANNEL, ts: '1.2' }, world.slack.responseUrl('viewer')));
      await world.send.interaction(buttonClick(TEAM_A, 'UCAM', APPROVE_ACTION, approvalId, { channel: CHANNEL, ts: '1.2' }, world.slack.responseUrl('requester')));
      expect(world.slack.responses.find((response) => response.name === 'viewer')!.body.text).toMatch(/VIEWER/);
      expect(world.slack.responses.find((response) => response.name === 'requester')!.body.text).toMatch(/may not use decide_approval|requested this action/);
      expect((await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');
    });

    it('a member of workspace B can neither decide nor see organisation A\'s requests', async () => {
      const approvalId = await fileRequest(40);
      await world.send.interaction(buttonClick(TEAM_B, 'UBO', APPROVE_ACTION, approvalId, { channel: 'CB', ts: '1.3' }, world.slack.responseUrl('cross')));
      expect(world.slack.responses.find((response) => response.name === 'cross')!.body.text).toMatch(/No approval request/);
      expect((await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');
      expect(world.slack.callsTo('chat.update')).toHaveLength(0);

      await world.send.command(slashCommand(TEAM_B, 'UBO', 'CB', 'approvals', world.slack.responseUrl('b-list')));
      expect(world.slack.responses.find((response) => response.name === 'b-list')!.body.text).toBe('No approval requests are waiting.');
      expect(managerOfB.orgId).not.toBe(world.orgA.id);
    });
  });

  describe('/crescendo', () => {
    it('help answers in the ack, ephemerally', async () => {
      const response = await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'help', world.slack.responseUrl('help')));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral', text: HELP_TEXT });
    });

    it('approvals lists the pending requests with buttons', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'approvals', world.slack.responseUrl('list')));
      const listed = world.slack.responses.find((response) => response.name === 'list')!.body;
      expect(listed.response_type).toBe('ephemeral');
      expect(JSON.stringify(listed.blocks)).toContain(APPROVE_ACTION);
      expect(JSON.stringify(listed.blocks)).toContain('Pay Club Restricted');
    });

    it('task creates a CRM task for the person asking, due at 17:00 local on the day named', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'task Send Acme the tour proposal due 2027-01-15', world.slack.responseUrl('task')));
      const answer = world.slack.responses.find((response) => response.name === 'task')!.body;
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(answer.text).toContain('Send Acme the tour proposal');
      const task = await world.database.prisma.task.findFirstOrThrow({ where: { organizationId: world.orgA.id, title: 'Send Acme the tour proposal' } });
      const organization = await world.database.prisma.organization.findUniqueOrThrow({ where: { id: world.orgA.id } });
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: organization.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).format(task.dueAt!);
      expect(local).toBe('2027-01-15, 17');
      expect(await world.database.prisma.activity.count({ where: { organizationId: world.orgA.id, subjectType: 'task', subjectId: task.id, kind: 'task_created' } })).toBe(1);
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'task', world.slack.responseUrl('task-empty')));
      expect(world.slack.responses.find((response) => response.name === 'task-empty')!.body.text).toMatch(/Write the task after/);
    });

    it('bind stores the channel for an owner and refuses a viewer', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UVIC', 'CDIGEST', 'bind', world.slack.responseUrl('viewer-bind')));
      expect(world.slack.responses.find((response) => response.name === 'viewer-bind')!.body.text).toMatch(/admin or owner/);
      await world.send.command(slashCommand(TEAM_A, 'UOWNER', 'CDIGEST', 'bind', world.slack.responseUrl('owner-bind')));
      expect(world.slack.responses.find((response) => response.name === 'owner-bind')!.body).toMatchObject({ response_type: 'in_channel' });
      const bindings = await world.database.prisma.slackChannelBinding.findMany({ where: { channelId: 'CDIGEST' }, orderBy: { purpose: 'asc' } });
      expect(bindings.map((binding) => [binding.organizationId, binding.purpose])).toEqual([[world.orgA.id, 'DIGESTS'], [world.orgA.id, 'ALERTS']]);
    });

    it('digest posts the daily digest in the channel with its charts as uploaded PNGs', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'digest', world.slack.responseUrl('digest')));
      const [posted] = world.slack.callsTo('chat.postMessage');
      expect(posted!.args.channel).toBe(CHANNEL);
      expect(JSON.stringify(posted!.args.blocks)).toContain('Daily digest');
      expect(world.slack.uploads).toHaveLength(2);
      expect(world.slack.uploads.every((upload) => upload.bytes.subarray(0, 8).equals(PNG_SIGNATURE))).toBe(true);
      expect(world.slack.callsTo('files.getUploadURLExternal')).toHaveLength(2);
    });

    it('digests and alerts from jobs reach only the organisation\'s bound channels', async () => {
      await world.bot.notifier.digest(world.orgA.id, { title: 'Daily digest', summary: 'All good.', sections: [{ heading: 'Top', lines: ['Alpha: 10 streams'] }], tables: [{ heading: 'Spend', columns: ['channel', 'spend'], rows: [['meta', '10.00 USD']] }] });
      await world.bot.notifier.alerts(world.orgB.id, { title: 'Alerts', summary: 'Nothing bound in B.', sections: [] });
      expect(world.slack.callsTo('chat.postMessage').map((call) => call.args.channel)).toEqual(['CDIGEST']);
    });
  });
});

describe('Slack bot in production mode (acks before the work)', () => {
  let world: SlackTestWorld;
  beforeAll(async () => { world = await openSlackTestWorld({ processBeforeResponse: false }); });
  afterAll(async () => { await world?.close(); });

  it('acknowledges a mention at once and posts the answer when the agent finishes', async () => {
    await world.orgA.member('ana@slack-a.test', 'MANAGER');
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    world.setModel(scriptedModel(async () => {
      await released;
      return { text: 'Slow answer' };
    }));
    const started = Date.now();
    const response = await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> slow one', ts: '1700000900.000100', channel: CHANNEL }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const [working] = await world.slack.waitFor('chat.postMessage');
    expect(working!.args).toMatchObject({ text: 'Thinking…', thread_ts: '1700000900.000100' });
    expect(world.slack.callsTo('chat.update')).toHaveLength(0);
    release();
    const [answer] = await world.slack.waitFor('chat.update');
    expect(answer!.args).toMatchObject({ text: 'Slow answer', ts: world.slack.postedTs(working!) });
  });
});
