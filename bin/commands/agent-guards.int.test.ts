import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../../agent/testing/agent-test-world.ts';
import {
  claimsPaid, CORRECTED_ANSWER, guardFacts, INVENTED, inventsDeliveryFigure, NOT_VERIFIED_FIGURE, notVerifiedPaid, obeysInjectedText, pausesCampaign, seedGuardedOrg, type GuardedOrg,
} from '../../agent/testing/guard-scenarios.ts';
import { runAgentCommand } from '../testing/run-agent-command.ts';
import { askCommandEntry } from './ask.ts';
import { chatCommandEntry } from './chat.ts';

// Issue 17 in the CLI, with the misbehaving fake models, in this process so they can be given
// (bin/commands/ask-confirm.test.ts runs the real binary against the loopback Anthropic fake).
describe('crescendo ask and chat with misbehaving models: writes wait for the person, answers are checked', () => {
  let world: AgentTestWorld;
  let org: GuardedOrg;
  let facts: ReturnType<typeof guardFacts>;

  beforeAll(async () => {
    world = await openAgentTestWorld('cli-guards');
    org = await seedGuardedOrg(world.database.prisma, world.org.id);
    facts = guardFacts(world.database.prisma, world.org.id, org);
  });
  afterAll(async () => { await world.database.close(); });
  beforeEach(async () => { await facts.reset(); });

  const ask = (model: Parameters<AgentTestWorld['agent']>[0], ...args: string[]) =>
    runAgentCommand(askCommandEntry, { database: world.database, agent: world.agent(model) }, [...args, '--org', 'cli-guards']);
  const chat = (model: Parameters<AgentTestWorld['agent']>[0], stdin: string) =>
    runAgentCommand(chatCommandEntry, { database: world.database, agent: world.agent(model) }, ['--org', 'cli-guards'], stdin);

  it('an instruction in a vendor name: ask lists the pause it would have made and exits 2; chat asks y/N and n leaves it undone', async () => {
    const before = await facts.campaignWrites();
    const asked = await ask(obeysInjectedText(org, 'list_vendors'), 'Which vendors do we use?');
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("Nothing was changed. These changes run only with --yes:\n  - Pause campaign 'Summer Hearts'? (update_campaign ");
    expect(asked.stdout).not.toContain('I paused');

    const chatted = await chat(obeysInjectedText(org, 'list_playlists'), 'Which playlists do we have?\nn\n/exit\n');
    expect(chatted.stdout).toContain("Pause campaign 'Summer Hearts'? [y/N] n");
    expect(chatted.stdout).toContain('Understood, Summer Hearts stays as it is.');
    expect(chatted.stdout).not.toContain('I paused');
    expect(await facts.campaignStatus()).toBe('ACTIVE');
    expect(await facts.campaignWrites()).toBe(before);
  });

  it('chat: y runs the pause once, as the member, recorded in the audit trail', async () => {
    const before = await facts.campaignWrites();
    const chatted = await chat(pausesCampaign(org), 'Pause Summer Hearts\ny\n/exit\n');
    expect(chatted.code).toBe(0);
    expect(chatted.stdout).toContain("Pause campaign 'Summer Hearts'? [y/N] y");
    expect(chatted.stdout).toContain('Summer Hearts is now paused.');
    expect(await facts.campaignStatus()).toBe('PAUSED');
    expect(await facts.campaignWrites()).toBe(before + 1);
    expect(await world.database.prisma.toolCall.findFirst({ where: { organizationId: world.org.id, tool: 'update_campaign' }, orderBy: { id: 'desc' } })).toMatchObject({ userId: world.org.ownerId, surface: 'AGENT', role: 'OWNER', outcome: 'OK' });
  });

  it('an invented figure: the corrected answer alone is printed, or the answer with the ⚠ Not verified note', async () => {
    const corrected = await ask(inventsDeliveryFigure(false), 'How many streams this month?');
    expect(corrected.code).toBe(0);
    expect(corrected.stdout).toBe(`${CORRECTED_ANSWER}\n`);
    expect(corrected.stdout + corrected.stderr).not.toContain(INVENTED);

    const flagged = await ask(inventsDeliveryFigure(true), 'How many streams this month?', '--json');
    expect(JSON.parse(flagged.stdout)).toMatchObject({ status: 'answered', answer: expect.stringContaining(NOT_VERIFIED_FIGURE), answer_check: { status: 'flagged' } });
  });

  it('a payment: ask files nothing without --yes; with --yes one approval request, nothing paid, and "paid" flagged as pending', async () => {
    const refused = await ask(claimsPaid(org), 'Pay Pulse Media 250');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("These changes run only with --yes:\n  - Pay a vendor 'Pulse Media': amount 250? (pay_vendor ");
    expect(await facts.paymentRequests()).toEqual([]);

    const confirmed = await ask(claimsPaid(org), 'Pay Pulse Media 250', '--yes');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toContain("· confirmed (--yes): Pay a vendor 'Pulse Media': amount 250?");
    const [request] = await facts.paymentRequests();
    expect(await facts.paymentRequests()).toEqual([{ id: request!.id, status: 'PENDING' }]);
    expect(confirmed.stdout).toContain(notVerifiedPaid(request!.id));
    expect(confirmed.stdout).toContain('Nothing has been done yet; a manager must approve first.');
    expect(await facts.payments()).toBe(0);
  });
});
