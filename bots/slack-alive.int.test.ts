import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scriptedModel } from '../agent/testing/scripted-model.ts';
import { CANCEL_TURN_ACTION } from './render/status-blocks.ts';
import { digestMessage, digestSummary } from '../jobs/handlers/digest-message.ts';
import type { DailyDigest } from '../tools/insights/daily-digest.ts';
import type { Principal } from '../tools/registry/runner.ts';
import { DIGEST_ASK_VIEW } from './render/ask-modal.ts';
import { DIGEST_APPROVALS_ACTION, DIGEST_ASK_ACTION } from './render/digest-blocks.ts';
import { ASK_USAGE, NOT_IN_CHANNEL } from './listeners/slash-command.ts';
import { STILL_WORKING } from './turns/run-slack-turn.ts';
import { UNKNOWN_USER_MESSAGE } from './tenancy/slack-identity.ts';
import { buttonClick, eventCallback, openSlackTestWorld, slashCommand, TEAM_A, WEB_URL, type SlackTestWorld } from './testing/slack-test-world.ts';

const CHANNEL = 'CLIVE';

/** Resolves when `release()` is called: lets a test hold the model mid-turn. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => { release = resolve; });
  return { opened, release };
}

describe('Slack that feels alive (real Bolt app, signed requests, fake Slack Web API)', () => {
  let world: SlackTestWorld;
  let requester: Principal;

  async function fileRequest(vendor: string, amount: number): Promise<string> {
    const filed = await world.runner.call('fixture_pay_vendor', { vendor, amount }, requester);
    if (!filed.ok) throw new Error(filed.error.message);
    return (filed.output as { approval_id: string }).approval_id;
  }

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.orgA.member('ana@slack-a.test', 'MANAGER');
    await world.orgA.member('ben@slack-a.test', 'MANAGER');
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    world.slack.addUser({ id: 'UBEN', email: 'ben@slack-a.test' });
    requester = await world.orgA.member('cam@slack-a.test', 'CAMPAIGN_MANAGER', 'SLACK');
    world.slack.addUser({ id: 'UCAM', email: 'cam@slack-a.test' });
    await world.orgA.member('own@slack-a.test', 'OWNER');
    world.slack.addUser({ id: 'UOWN', email: 'own@slack-a.test' });
  });
  afterAll(async () => { await world?.close(); });
  beforeEach(() => { world.slack.calls.length = 0; world.slack.uploads.length = 0; world.slack.responses.length = 0; });

  const mention = (ts: string, text: string, threadTs?: string, user = 'UANA') =>
    world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user, text: `<@UBOT> ${text}`, ts, channel: CHANNEL, ...(threadTs ? { thread_ts: threadTs } : {}) }));

  it('says what it is doing as tools run, in words from the tool titles, then replaces the working message with the answer', async () => {
    world.setModel(scriptedModel([
      { toolCalls: [{ name: 'list_campaigns', input: {} }] },
      { toolCalls: [{ name: 'vendor_performance', input: {} }] },
      { text: 'Vendors are fine.' },
    ]));
    await mention('1700001000.000100', 'how are vendors doing?');

    const [working] = world.slack.callsTo('chat.postMessage');
    expect(working!.args).toMatchObject({ channel: CHANNEL, thread_ts: '1700001000.000100', text: 'Thinking…' });
    expect(JSON.stringify(working!.args.blocks)).toContain(CANCEL_TURN_ACTION);
    const updates = world.slack.callsTo('chat.update');
    expect(updates.every((update) => update.args.ts === world.slack.postedTs(working!))).toBe(true);
    expect(updates.map((update) => update.args.text)).toEqual(['Looking up campaigns…', 'Looking up vendor performance scorecard…', 'Vendors are fine.']);
    expect(JSON.stringify(updates[1]!.args.blocks)).toContain(CANCEL_TURN_ACTION);
    expect(JSON.stringify(updates[2]!.args.blocks)).not.toContain(CANCEL_TURN_ACTION);
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('Cancel stops the turn for the person who asked; a colleague\'s click is refused', async () => {
    let sawAbort = false;
    // Cancel is clicked once the model is at work (a click before that stops the turn earlier, which is not what this case is about).
    let modelStarted!: () => void;
    const started = new Promise<void>((resolve) => { modelStarted = resolve; });
    world.setModel(scriptedModel(async (call) => {
      modelStarted();
      await new Promise<void>((resolve) => call.abortSignal?.addEventListener('abort', () => { sawAbort = true; resolve(); }, { once: true }));
      return { text: 'too late' };
    }));
    const asked = mention('1700001100.000100', 'a slow question');
    const [working] = await world.slack.waitFor('chat.postMessage');
    const workingTs = world.slack.postedTs(working!);
    const key = JSON.parse(JSON.stringify(working!.args.blocks))[1].elements[0].value as string;
    await started;

    await world.send.interaction(buttonClick(TEAM_A, 'UBEN', CANCEL_TURN_ACTION, key, { channel: CHANNEL, ts: workingTs }, world.slack.responseUrl('ben-cancel')));
    expect(world.slack.responses.find((response) => response.name === 'ben-cancel')!.body).toMatchObject({ response_type: 'ephemeral', text: 'Only the person who asked can cancel this answer.' });
    expect(sawAbort).toBe(false);

    await world.send.interaction(buttonClick(TEAM_A, 'UANA', CANCEL_TURN_ACTION, key, { channel: CHANNEL, ts: workingTs }, world.slack.responseUrl('ana-cancel')));
    await asked;
    expect(sawAbort).toBe(true);
    const last = world.slack.callsTo('chat.update').at(-1)!;
    expect(last.args).toMatchObject({ ts: workingTs, text: 'Cancelled by <@UANA>. Ask again whenever you like.' });
    expect(JSON.stringify(world.slack.callsTo('chat.update'))).not.toContain('too late');

    await world.send.interaction(buttonClick(TEAM_A, 'UANA', CANCEL_TURN_ACTION, key, { channel: CHANNEL, ts: workingTs }, world.slack.responseUrl('late-cancel')));
    expect(world.slack.responses.find((response) => response.name === 'late-cancel')!.body.text).toBe('That answer has already finished.');
  });

  it('answers one question at a time per thread: a second mention while the first runs is told so, privately', async () => {
    const hold = gate();
    const prompts: string[] = [];
    world.setModel(scriptedModel(async (call) => {
      prompts.push(JSON.stringify(call.prompt));
      await hold.opened;
      return { text: 'First answer' };
    }));
    const thread = '1700001200.000100';
    const first = mention(thread, 'first question');
    await world.slack.waitFor('chat.postMessage');
    await mention('1700001200.000200', 'second question', thread, 'UBEN');
    const [busy] = await world.slack.waitFor('chat.postEphemeral');
    expect(busy!.args).toMatchObject({ channel: CHANNEL, user: 'UBEN', thread_ts: thread, text: STILL_WORKING });
    hold.release();
    await first;
    expect(prompts).toHaveLength(1);
    expect(world.slack.callsTo('chat.update').at(-1)!.args.text).toBe('First answer');

    // Once answered, the thread takes the next question.
    world.setModel(scriptedModel([{ text: 'Second answer' }]));
    await mention('1700001200.000300', 'second question again', thread, 'UBEN');
    expect(world.slack.callsTo('chat.update').at(-1)!.args.text).toBe('Second answer');
  });

  describe('/crescendo ask', () => {
    it('posts the question in the channel and answers in its thread, which then continues as a conversation', async () => {
      const prompts: string[] = [];
      world.setModel(scriptedModel((call) => {
        prompts.push(JSON.stringify(call.prompt));
        return { text: `Answer ${prompts.length}` };
      }));
      const response = await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'ask How is Veyra doing?', world.slack.responseUrl('ask')));
      expect(response.status).toBe(200);
      const [question, working] = world.slack.callsTo('chat.postMessage');
      expect(question!.args).toMatchObject({ channel: CHANNEL, text: '<@UANA> asked: How is Veyra doing?' });
      expect(question!.args.thread_ts).toBeUndefined();
      const thread = world.slack.postedTs(question!);
      expect(working!.args).toMatchObject({ channel: CHANNEL, thread_ts: thread });
      expect(world.slack.callsTo('chat.update').at(-1)!.args).toMatchObject({ ts: world.slack.postedTs(working!), text: 'Answer 1' });
      expect(prompts[0]).toContain('How is Veyra doing?');

      await world.send.event(eventCallback(TEAM_A, { type: 'message', channel_type: 'channel', user: 'UANA', text: 'and last month?', ts: '1700001300.000200', thread_ts: thread, channel: CHANNEL }));
      expect(prompts[1]).toContain('How is Veyra doing?');
      expect(world.slack.callsTo('chat.update').at(-1)!.args.text).toBe('Answer 2');
    });

    it('without a question says how to ask; in a channel the bot is not in, says how to invite it', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'ask', world.slack.responseUrl('empty')));
      expect(world.slack.responses.find((response) => response.name === 'empty')!.body).toMatchObject({ response_type: 'ephemeral', text: ASK_USAGE });
      world.slack.leaveChannel('COUTSIDE');
      await world.send.command(slashCommand(TEAM_A, 'UANA', 'COUTSIDE', 'ask anything', world.slack.responseUrl('outside')));
      expect(world.slack.responses.find((response) => response.name === 'outside')!.body).toMatchObject({ response_type: 'ephemeral', text: NOT_IN_CHANNEL });
    });
  });

  describe('App Home', () => {
    it('shows the requests this person may decide with links, today\'s digest headline and how to ask; a requester\'s role sees why none', async () => {
      const approvalId = await fileRequest('Pulse Media', 283.26);

      await world.send.event(eventCallback(TEAM_A, { type: 'app_home_opened', user: 'UANA', channel: 'DHOME', tab: 'home', event_ts: '1700001400.000100' }));
      const [published] = world.slack.callsTo('views.publish');
      expect(published!.args.user_id).toBe('UANA');
      const view = published!.args.view as { type: string; blocks: unknown[] };
      expect(view.type).toBe('home');
      const text = JSON.stringify(view.blocks);
      expect(text).toMatch(/\d+ approval requests? waiting for your decision/);
      expect(text).toContain(`<${WEB_URL}/approvals/${approvalId}|`);
      expect(text).toContain('Pulse Media');
      expect(text).toContain('asked by');
      expect(text).toContain(`<${WEB_URL}/approvals|Open the approvals inbox>`);
      expect(text).toContain("Today's digest");
      expect(text).toMatch(/streams \(/);
      expect(text).toContain('/crescendo ask QUESTION');
      expect(published!.response).toMatchObject({ ok: true });

      await world.send.event(eventCallback(TEAM_A, { type: 'app_home_opened', user: 'UCAM', channel: 'DHOME2', tab: 'home', event_ts: '1700001400.000200' }));
      const requesterView = JSON.stringify(world.slack.callsTo('views.publish')[1]!.args.view);
      expect(requesterView).toContain('Your role does not decide approval requests');
      expect(requesterView).not.toContain(approvalId);
    });

    it('tells someone without a Crescendo account how to get one, and ignores the Messages tab', async () => {
      world.slack.addUser({ id: 'UNEW', email: 'new@elsewhere.test' });
      await world.send.event(eventCallback(TEAM_A, { type: 'app_home_opened', user: 'UANA', channel: 'DHOME', tab: 'messages', event_ts: '1700001500.000100' }));
      expect(world.slack.callsTo('views.publish')).toHaveLength(0);
      await world.send.event(eventCallback(TEAM_A, { type: 'app_home_opened', user: 'UNEW', channel: 'DNEW', tab: 'home', event_ts: '1700001500.000200' }));
      expect(JSON.stringify(world.slack.callsTo('views.publish')[0]!.args.view)).toContain(UNKNOWN_USER_MESSAGE.slice(0, 30));
    });
  });

  describe('the daily digest', () => {
    it('/crescendo digest posts it with web links and the two buttons; "Ask about this" opens a question box whose answer lands in the digest\'s thread', async () => {
      const waiting = await fileRequest('Club Restricted', 40);
      await world.send.command(slashCommand(TEAM_A, 'UANA', CHANNEL, 'digest', world.slack.responseUrl('digest')));
      const [posted] = world.slack.callsTo('chat.postMessage');
      const blocks = JSON.stringify(posted!.args.blocks);
      expect(blocks).toContain(`"url":"${WEB_URL}/approvals"`);
      expect(blocks).toContain(DIGEST_ASK_ACTION);
      expect(blocks).toContain('Open approvals');
      expect(blocks).toMatch(new RegExp(`<${WEB_URL}/approvals/[^|]+\\|`));
      expect(waiting).toBeTruthy();
      const digestTs = world.slack.postedTs(posted!);
      const date = (JSON.parse(blocks) as Array<{ type: string; elements?: Array<{ action_id: string; value?: string }> }>)
        .find((block) => block.type === 'actions')!.elements!.find((element) => element.action_id === DIGEST_ASK_ACTION)!.value!;

      await world.send.interaction(buttonClick(TEAM_A, 'UANA', DIGEST_ASK_ACTION, date, { channel: CHANNEL, ts: digestTs }, world.slack.responseUrl('ask-click')));
      const [opened] = world.slack.callsTo('views.open');
      const modal = opened!.args.view as { callback_id: string; private_metadata: string };
      expect(opened!.args.trigger_id).toMatch(/^trigger-/);
      expect(modal.callback_id).toBe(DIGEST_ASK_VIEW);
      expect(JSON.parse(modal.private_metadata)).toEqual({ channel: CHANNEL, messageTs: digestTs, date });

      const prompts: string[] = [];
      world.setModel(scriptedModel((call) => {
        prompts.push(JSON.stringify(call.prompt));
        return { text: 'Spend rose because of Meta.' };
      }));
      const submitted = await world.send.interaction(viewSubmission('UANA', modal, 'Why did spend rise?'));
      expect(submitted.status).toBe(200);
      const threadPosts = world.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === digestTs);
      expect(threadPosts.map((call) => call.args.text)).toEqual(['<@UANA> asked: Why did spend rise?', 'Thinking…']);
      expect(prompts[0]).toContain(`About the daily digest of ${date}: Why did spend rise?`);
      expect(world.slack.callsTo('chat.update').at(-1)!.args).toMatchObject({ ts: world.slack.postedTs(threadPosts[1]!), text: 'Spend rose because of Meta.' });
    });

    it('an empty question is refused inside the box, and "Open approvals" is acknowledged', async () => {
      const modal = { callback_id: DIGEST_ASK_VIEW, private_metadata: JSON.stringify({ channel: CHANNEL, messageTs: '1.1', date: '2026-12-04' }) };
      const refused = await world.send.interaction(viewSubmission('UANA', modal, '   '));
      expect(JSON.parse(refused.body)).toEqual({ response_action: 'errors', errors: { question: 'Write a question first.' } });
      expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
      const click = buttonClick(TEAM_A, 'UANA', DIGEST_APPROVALS_ACTION, '', { channel: CHANNEL, ts: '1.1' }, world.slack.responseUrl('open'));
      (click.actions[0] as Record<string, unknown>).url = `${WEB_URL}/approvals`;
      expect((await world.send.interaction(click)).status).toBe(200);
    });

    it('a digest from the job reaches the bound channel laid out for Slack, with links and buttons', async () => {
      await world.send.command(slashCommand(TEAM_A, 'UOWN', 'CDIGESTS', 'bind digests', world.slack.responseUrl('bind')));
      const digest = await world.runner.call('daily_digest', {}, requester);
      if (!digest.ok) throw new Error(digest.error.message);
      const output = digest.output as DailyDigest;
      world.slack.calls.length = 0;
      await world.bot.notifier.digest(world.orgA.id, digestMessage(output, digestSummary(output)));
      const [posted] = world.slack.callsTo('chat.postMessage');
      expect(posted!.args.channel).toBe('CDIGESTS');
      expect(JSON.stringify(posted!.args.blocks)).toContain(DIGEST_ASK_ACTION);
      expect(JSON.stringify(posted!.args.blocks)).toContain(`${WEB_URL}/approvals`);
    });
  });
});

/** A view_submission payload for the ask modal, as Slack sends it. */
function viewSubmission(slackUserId: string, modal: { callback_id: string; private_metadata: string }, question: string) {
  return {
    type: 'view_submission', team: { id: TEAM_A, domain: 'fake' }, user: { id: slackUserId, username: slackUserId, team_id: TEAM_A }, api_app_id: 'A0001',
    trigger_id: `trigger-view-${Date.now()}`,
    view: {
      id: 'V0001', team_id: TEAM_A, type: 'modal', callback_id: modal.callback_id, private_metadata: modal.private_metadata, hash: 'h', blocks: [],
      state: { values: { question: { question: { type: 'plain_text_input', value: question } } } },
    },
  };
}
