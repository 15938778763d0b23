import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  claimsPaid, CORRECTED_ANSWER, guardFacts, INVENTED, inventsDeliveryFigure, NOT_VERIFIED_FIGURE, notVerifiedPaid, obeysInjectedText, seedGuardedOrg, type GuardedOrg,
} from '../agent/testing/guard-scenarios.ts';
import { CONFIRM_CHANGE_ACTION } from './render/confirmation-blocks.ts';
import { buttonClick, eventCallback, openSlackTestWorld, TEAM_A, type SlackTestWorld } from './testing/slack-test-world.ts';

const CHANNEL = 'CGUARDS';

// Issue 17 in Slack, with the misbehaving fake models (bots/slack-confirm.int.test.ts has the
// vendor-name injection confirmed, clicked twice and cancelled).
describe('Slack with misbehaving models: writes wait for Confirm, answers are checked (signed requests, fake Slack Web API)', () => {
  let world: SlackTestWorld;
  let org: GuardedOrg;
  let facts: ReturnType<typeof guardFacts>;
  let threadNumber = 0;

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.orgA.member('ana@slack-a.test', 'MANAGER');
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    org = await seedGuardedOrg(world.database.prisma, world.orgA.id);
    facts = guardFacts(world.database.prisma, world.orgA.id, org);
  });
  afterAll(async () => { await world?.close(); });
  beforeEach(async () => {
    world.slack.calls.length = 0;
    world.slack.responses.length = 0;
    await facts.reset();
  });

  /** Everything the bot sent to Slack, as one string. */
  const everythingPosted = () => JSON.stringify(world.slack.calls.map((call) => call.args));
  /** The text of the bot's last message update in the channel (the answer). */
  const lastAnswer = () => String(world.slack.callsTo('chat.update').at(-1)!.args.text);

  /** A mention in a new thread; returns the proposal (if any) with its Confirm button's value. */
  async function mention(text: string) {
    const threadTs = `1700000900.00${++threadNumber}`;
    await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: `<@UBOT> ${text}`, ts: threadTs, channel: CHANNEL }));
    const proposal = world.slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks).includes(CONFIRM_CHANGE_ACTION));
    const buttons = (proposal?.args.blocks as Array<{ type: string; elements?: Array<{ value: string }> }> | undefined)?.find((block) => block.type === 'actions')?.elements;
    return { threadTs, proposal, value: buttons?.[0]?.value ?? '', ts: proposal ? world.slack.postedTs(proposal) : '' };
  }
  const clickConfirm = (value: string, ts: string, name: string) =>
    world.send.interaction(buttonClick(TEAM_A, 'UANA', CONFIRM_CHANGE_ACTION, value, { channel: CHANNEL, ts }, world.slack.responseUrl(name)));

  it('an instruction in a playlist name is only proposed, its claim never posted; a reply in the thread lapses it and a late Confirm runs nothing', async () => {
    world.setModel(obeysInjectedText(org, 'list_playlists'));
    const before = await facts.campaignWrites();
    const { threadTs, proposal, value, ts } = await mention('which playlists do we have?');
    expect(proposal!.args).toMatchObject({ thread_ts: threadTs, text: "Confirm this change? Pause campaign 'Summer Hearts'?" });
    expect(everythingPosted()).not.toContain('I paused');
    expect(await facts.campaignStatus()).toBe('ACTIVE');

    await world.send.event(eventCallback(TEAM_A, { type: 'message', channel_type: 'channel', user: 'UANA', text: 'how many are there?', ts: `${threadTs}1`, thread_ts: threadTs, channel: CHANNEL }));
    await clickConfirm(value, ts, 'late');
    expect(world.slack.responses.find((response) => response.name === 'late')!.body.text).toBe('This change was already cancelled; it was not made.');
    expect(await facts.campaignStatus()).toBe('ACTIVE');
    expect(await facts.campaignWrites()).toBe(before);
  });

  it('an invented figure is corrected before anything is posted; a persistent liar is posted with the ⚠ Not verified note', async () => {
    world.setModel(inventsDeliveryFigure(false));
    await mention('how many streams this month?');
    expect(lastAnswer()).toBe(CORRECTED_ANSWER);
    expect(everythingPosted()).not.toContain(INVENTED);

    world.setModel(inventsDeliveryFigure(true));
    await mention('how many streams this month?');
    expect(lastAnswer()).toContain(NOT_VERIFIED_FIGURE);
  });

  it('a payment waits for Confirm; confirmed (twice), one approval request is filed, nothing is paid, and "paid" is flagged as pending', async () => {
    world.setModel(claimsPaid(org));
    const { proposal, value, ts } = await mention('pay Pulse Media 250');
    expect(proposal!.args.text).toBe("Confirm this change? Pay a vendor 'Pulse Media': amount 250?");
    expect(await facts.paymentRequests()).toEqual([]);

    await clickConfirm(value, ts, 'confirm');
    await clickConfirm(value, ts, 'again');
    expect(world.slack.responses.find((response) => response.name === 'again')!.body.text).toBe('This change was already confirmed; it runs once, not again.');
    const [request] = await facts.paymentRequests();
    expect(await facts.paymentRequests()).toEqual([{ id: request!.id, status: 'PENDING' }]);
    expect(await facts.payments()).toBe(0);
    const answer = world.slack.callsTo('chat.update').map((call) => String(call.args.text)).find((text) => text.includes('has been paid'))!;
    expect(answer).toContain(notVerifiedPaid(request!.id));
    expect(answer).toContain('Nothing has been done yet; a manager must approve first.');
  });
});
