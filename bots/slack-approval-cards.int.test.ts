import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeliveryScenario, type DeliveryScenario } from '../tools/campaigns/testing/delivery-scenario.ts';
import type { Principal } from '../tools/registry/runner.ts';
import { APPROVE_ACTION, REJECT_ACTION } from './render/approval-blocks.ts';
import { buttonClick, openSlackTestWorld, slashCommand, TEAM_A, WEB_URL, type SlackTestWorld } from './testing/slack-test-world.ts';

interface Block { type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<Record<string, unknown>> }

/**
 * The approval card as an approver meets it in Slack, from the real pay_vendor through the
 * approvals.notify job, the real Bolt app (signed requests) and a loopback Slack Web API: what
 * happens in words, the amount, the campaign linked, the evidence, who asked through what; an
 * Approve button whose `confirm` dialog restates the amount; and a decided card in words.
 */
describe('Slack approval cards', () => {
  let world: SlackTestWorld;
  let requester: Principal;
  let managerRequester: Principal;
  let scenario: DeliveryScenario;

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.orgA.member('ana@slack-a.test', 'MANAGER');
    requester = await world.orgA.member('cam@slack-a.test', 'CAMPAIGN_MANAGER', 'SLACK');
    await world.database.prisma.user.update({ where: { id: requester.userId! }, data: { name: 'Cam Ortiz' } });
    managerRequester = await world.orgA.member('mia@slack-a.test', 'MANAGER', 'SLACK');
    world.slack.addUser({ id: 'UMIA', email: 'mia@slack-a.test' });
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    world.slack.addUser({ id: 'UCAM', email: 'cam@slack-a.test' });
    world.slack.addUser({ id: 'UOWNER', email: 'owner@slack-a.test' });
    scenario = await buildDeliveryScenario(world.database.prisma, world.orgA.id);
    await world.send.command(slashCommand(TEAM_A, 'UOWNER', 'CAPPROVALS', 'bind approvals', world.slack.responseUrl('bind')));
  });
  afterAll(async () => { await world?.close(); });

  async function postedCard(amount: number, by: Principal = requester) {
    const filed = await world.runner.call('pay_vendor', { vendor_id: scenario.vendors.clubRestricted, amount, campaign_id: scenario.campaignId }, by);
    if (!filed.ok) throw new Error(filed.error.message);
    const approvalId = (filed.output as { approval_id: string }).approval_id;
    await world.jobs.drain();
    const posted = world.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CAPPROVALS').at(-1)!;
    const ts = String(posted.args.ts ?? '') || (await world.database.prisma.slackApprovalMessage.findFirstOrThrow({ where: { approvalId } })).messageTs;
    return { approvalId, blocks: posted.args.blocks as Block[], text: String(posted.args.text), ts };
  }

  it('posts what happens, the amount, the campaign (linked), the evidence and who asked, with a confirmed Approve', async () => {
    const { blocks, text } = await postedCard(283.26);
    expect(text).toBe('Approval needed: Pay Club Restricted 283.26 USD');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Pay Club Restricted 283.26 USD' } });
    expect(blocks[1]!.text!.text).toBe(`*283.26 USD*\nFor <${WEB_URL}/campaigns/${scenario.campaignId}|Autumn push> · “Untitled song (not scraped yet)” by Example Artist, “Untitled song (not scraped yet)” by Example Artist`);
    const labels = blocks.flatMap((block) => block.fields ?? []).map((field) => field.text.split('\n')[0]);
    expect(labels).toEqual(['*Delivered to date*', '*Delivery rate*', '*Placements priced*', '*Paid so far*', '*After this payment*']);
    const everything = JSON.stringify(blocks);
    expect(everything).toContain('Requested by Cam Ortiz (cam@slack-a.test) via Slack');
    expect(everything).toContain('another approver must decide');
    expect(everything).not.toContain('pay_vendor');
    expect(everything).not.toContain(scenario.vendors.clubRestricted);

    const buttons = blocks.find((block) => block.type === 'actions')!.elements!;
    expect(buttons.find((button) => button.action_id === APPROVE_ACTION)!.confirm).toEqual({
      title: { type: 'plain_text', text: 'Approve 283.26 USD?' },
      text: { type: 'plain_text', text: 'Pay Club Restricted 283.26 USD for Autumn push. It runs once, right after you approve.' },
      confirm: { type: 'plain_text', text: 'Approve 283.26 USD' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'primary',
    });
    expect(buttons.find((button) => button.action_id === REJECT_ACTION)!.confirm).toBeUndefined();
  });

  it('a requester who may approve, clicking Approve on their own request, is told another approver must decide; nothing changes', async () => {
    const { approvalId, ts } = await postedCard(12, managerRequester);
    await world.send.interaction(buttonClick(TEAM_A, 'UMIA', APPROVE_ACTION, approvalId, { channel: 'CAPPROVALS', ts }, world.slack.responseUrl('own')));
    expect(world.slack.responses.find((response) => response.name === 'own')!.body.text).toMatch(/another approver must decide/);
    expect((await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');
  });

  it('/crescendo approvals shows a requester their own request without buttons, and others with a confirmed Approve', async () => {
    const own = await postedCard(33.33, managerRequester);
    await world.send.command(slashCommand(TEAM_A, 'UMIA', 'CMARKETING', 'approvals', world.slack.responseUrl('mine')));
    const blocks = world.slack.responses.find((response) => response.name === 'mine')!.body.blocks as Block[];
    const ownAt = blocks.findIndex((block) => block.type === 'header' && block.text!.text === 'Pay Club Restricted 33.33 USD');
    const nextDivider = blocks.findIndex((block, index) => index > ownAt && block.type === 'divider');
    const ownCard = JSON.stringify(blocks.slice(ownAt, nextDivider === -1 ? undefined : nextDivider));
    expect(ownCard).toContain('You asked for this: another approver must decide.');
    expect(ownCard).not.toContain(APPROVE_ACTION);
    const others = blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements!);
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((button) => button.action_id === APPROVE_ACTION).every((button) => (button.confirm as { title: { text: string } }).title.text.startsWith('Approve '))).toBe(true);
    expect(others.map((button) => button.value)).not.toContain(own.approvalId);
  });

  it('the decided card and the thread say what happened in words, never the raw result', async () => {
    const { approvalId, ts } = await postedCard(70);
    const click = buttonClick(TEAM_A, 'UANA', APPROVE_ACTION, approvalId, { channel: 'CAPPROVALS', ts }, world.slack.responseUrl('approve'));
    expect((await world.send.interaction(click)).status).toBe(200);
    await world.jobs.drain();
    const payment = await world.database.prisma.vendorPayment.findUniqueOrThrow({ where: { approvalRequestId: approvalId } });

    const updates = world.slack.callsTo('chat.update').filter((call) => call.args.ts === ts);
    const decided = JSON.stringify(updates.at(-1)!.args.blocks);
    expect(decided).toMatch(/Approved and done by ana@slack-a\.test: Payment of 70\.00 USD recorded on \d+ \w+ \d{4}\./);
    expect(decided).toContain('Pay Club Restricted 70.00 USD');
    expect(decided).not.toContain(payment.id);
    expect(decided).not.toContain('payment_id');
    expect(decided).not.toContain(APPROVE_ACTION);
    const thread = world.slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ts)!;
    expect(String(thread.args.text)).toMatch(/^:white_check_mark: Done: Payment of 70\.00 USD recorded on/);
  });
});
