import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scriptedModel } from '../agent/testing/scripted-model.ts';
import { CANCEL_TURN_ACTION } from './render/status-blocks.ts';
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

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.orgA.member('ana@slack-a.test', 'MANAGER');
    await world.orgA.member('ben@slack-a.test', 'MANAGER');
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    world.slack.addUser({ id: 'UBEN', email: 'ben@slack-a.test' });
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
    world.setModel(scriptedModel(async (call) => {
      await new Promise<void>((resolve) => call.abortSignal?.addEventListener('abort', () => { sawAbort = true; resolve(); }, { once: true }));
      return { text: 'too late' };
    }));
    const asked = mention('1700001100.000100', 'a slow question');
    const [working] = await world.slack.waitFor('chat.postMessage');
    const workingTs = world.slack.postedTs(working!);
    const key = JSON.parse(JSON.stringify(working!.args.blocks))[1].elements[0].value as string;

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
      const requester = await world.orgA.member('cam@slack-a.test', 'CAMPAIGN_MANAGER', 'SLACK');
      world.slack.addUser({ id: 'UCAM', email: 'cam@slack-a.test' });
      const filed = await world.runner.call('fixture_pay_vendor', { vendor: 'Pulse Media', amount: 283.26 }, requester);
      if (!filed.ok) throw new Error(filed.error.message);
      const approvalId = (filed.output as { approval_id: string }).approval_id;

      await world.send.event(eventCallback(TEAM_A, { type: 'app_home_opened', user: 'UANA', channel: 'DHOME', tab: 'home', event_ts: '1700001400.000100' }));
      const [published] = world.slack.callsTo('views.publish');
      expect(published!.args.user_id).toBe('UANA');
      const view = published!.args.view as { type: string; blocks: unknown[] };
      expect(view.type).toBe('home');
      const text = JSON.stringify(view.blocks);
      expect(text).toContain('1 approval request waiting for your decision');
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
});
