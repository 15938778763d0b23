import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from './agent-events.ts';
import { openAgentTestWorld, type AgentTestWorld } from './testing/agent-test-world.ts';
import { claimsPaid, inventsFigure } from './testing/misbehaving-models.ts';
import { scriptedModel, toolResultsInPrompt } from './testing/scripted-model.ts';

/** The text of the last user message the model received (the answer check's findings, on a correction). */
function lastUserText(call: LanguageModelV4CallOptions): string {
  const last = call.prompt.filter((message) => message.role === 'user').at(-1);
  return last ? last.content.map((part) => (part.type === 'text' ? part.text : '')).join('') : '';
}

describe('answers checked before they are sent', () => {
  let world: AgentTestWorld;
  // Claims about payments the person already confirmed: the approval tool files its request at once.
  beforeAll(async () => { world = await openAgentTestWorld('answer-check', { toolsWithoutConfirmation: ['fixture_pay_vendor'] }); });
  afterAll(async () => { await world.database.close(); });

  async function baseCurrencyTurn(answers: string[]) {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'whoami', input: {} }] };
      return { text: answers[index - 1]! };
    });
    const events: AgentEvent[] = [];
    for await (const event of world.agent(model).stream({ principal: world.org.as('OWNER', { surface: 'WEB' }), message: 'What is our base currency and how much did we spend?' })) events.push(event);
    return { model, events, reply: (events.at(-1) as Extract<AgentEvent, { type: 'done' }>).reply };
  }

  it('an invented figure is caught; the model corrects itself once; only the corrected answer is sent and stored', async () => {
    const { model, events, reply } = await baseCurrencyTurn(['Base currency USD; you spent USD 48,250.75 this month.', 'Your base currency is USD. I have no tool result for this month\'s spend, so I cannot give that figure.']);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(model.doGenerateCalls).toHaveLength(1);
    const correction = lastUserText(model.doGenerateCalls[0]!);
    expect(correction).toContain('The figure 48,250.75 is in no tool result');
    expect(model.doGenerateCalls[0]!.toolChoice).toEqual({ type: 'none' });

    expect(reply.text).toBe('Your base currency is USD. I have no tool result for this month\'s spend, so I cannot give that figure.');
    // The rejected draft never reached the user: the only text sent is the corrected answer.
    expect(events.filter((event) => event.type === 'text').map((event) => (event as { delta: string }).delta).join('')).toBe(reply.text);
    expect(reply.check).toEqual({ status: 'corrected', findings: { unsupportedFigures: ['48,250.75'], falseClaims: [] } });
    // The correction's tokens count in the turn.
    expect(reply.usage.inputTokens).toBe(300);

    const stored = await world.database.prisma.agentMessage.findMany({ where: { threadId: reply.threadId! }, orderBy: { id: 'asc' } });
    expect(stored.at(-1)).toMatchObject({ role: 'ASSISTANT', text: reply.text, answerCheck: reply.check });
    expect(stored.map((message) => message.text).join('\n')).not.toContain('48,250.75');
  });

  it('a persistent liar gets the answer out with a visible note of what could not be verified', async () => {
    const { reply } = await baseCurrencyTurn(['You spent USD 48,250.75.', 'Corrected: you spent USD 48,251.']);
    expect(reply.text).toBe('Corrected: you spent USD 48,251.\n\n⚠ Not verified: the figure 48,251 (not in the data this answer used). Check these before relying on them.');
    expect(reply.check).toMatchObject({ status: 'flagged', findings: { unsupportedFigures: ['48,250.75'] }, unverified: { unsupportedFigures: ['48,251'] } });

    // A model that repeats its invention: one correction call, then the note; never a second retry.
    const liar = inventsFigure('1,234,567');
    const repeated = await world.agent(liar).ask({ principal: world.org.as('OWNER'), message: 'How many streams this month?' });
    expect(liar.doStreamCalls).toHaveLength(2);
    expect(liar.doGenerateCalls).toHaveLength(1);
    expect(repeated.text).toBe('Your campaigns delivered 1,234,567 streams this month.\n\n⚠ Not verified: the figure 1,234,567 (not in the data this answer used). Check these before relying on them.');
  });

  it('an answer quoting its tool results passes without another model call', async () => {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'whoami', input: {} }] };
      const { organization } = toolResultsInPrompt(call)[0]!.value as { organization: { base_currency: string; time_zone: string } };
      return { text: `Base currency ${organization.base_currency}, time zone ${organization.time_zone}, as of 2026-11-20.` };
    });
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'Currency?' });
    expect(reply.check).toEqual({ status: 'passed' });
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it('"paid" when the payment only filed a pending approval is caught and corrected to pending', async () => {
    const model = claimsPaid('fixture_pay_vendor', 'Pulse Media', 250, (results) => {
      const pending = results[0]!.value as { approve_url: string };
      return `The payment of 250 USD to Pulse Media is pending approval: ${pending.approve_url}. It happens once a manager approves it.`;
    });
    const principal = await world.org.member('cm@answer-check.test', 'CAMPAIGN_MANAGER', 'SLACK');
    const reply = await world.agent(model).ask({ principal, message: 'Pay Pulse Media 250 USD' });
    const [approval] = reply.approvals;
    expect(lastUserText(model.doGenerateCalls[0]!)).toContain(`fixture_pay_vendor only filed an approval request (${approval!.approval_id})`);
    expect(reply.check).toMatchObject({ status: 'corrected', findings: { falseClaims: [expect.objectContaining({ claim: 'paid', problem: 'pending_approval' })] } });
    expect(reply.text).toBe(`The payment of 250 USD to Pulse Media is pending approval: ${approval!.approve_url}. It happens once a manager approves it.`);
  });

  it('a model that keeps claiming "paid" is flagged, and the approval notice still names the pending request', async () => {
    const model = claimsPaid('fixture_pay_vendor', 'Pulse Media', 90);
    const principal = await world.org.member('cm2@answer-check.test', 'CAMPAIGN_MANAGER');
    const reply = await world.agent(model).ask({ principal, message: 'Pay Pulse Media 90 USD' });
    expect(model.doStreamCalls.length + model.doGenerateCalls.length).toBe(3);
    expect(reply.check?.status).toBe('flagged');
    expect(reply.text).toContain('Done, Pulse Media has been paid.\n\n⚠ Not verified: "paid" (fixture_pay_vendor only filed an approval request');
    expect(reply.text).toContain('Nothing has been done yet; a manager must approve first.');
    expect(reply.text).toContain(reply.approvals[0]!.approve_url!);
    const request = await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: reply.approvals[0]!.approval_id } });
    expect(request.status).toBe('PENDING');
  });

  it('the example figures of the house rules ground nothing', async () => {
    const model = scriptedModel([{ text: 'Delivered 182,400 streams (real cost USD 3.12 per 1k).' }, { text: 'I have no delivery figures yet.' }]);
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'How did delivery go?' });
    expect(reply.check).toMatchObject({ status: 'corrected', findings: { unsupportedFigures: ['182,400', '3.12'] } });
  });

  it('a claimed write that never ran is caught', async () => {
    const model = scriptedModel([{ text: 'I paused the Summer Hearts campaign.' }, { text: 'I cannot pause campaigns with the tools I have.' }]);
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'Pause Summer Hearts' });
    expect(reply.check).toMatchObject({ status: 'corrected', findings: { falseClaims: [expect.objectContaining({ claim: 'paused', problem: 'not_done' })] } });
    expect(reply.text).toBe('I cannot pause campaigns with the tools I have.');
  });

  it('when the correction cannot be made (the provider fails), the first answer goes out with the note', async () => {
    const model = scriptedModel([{ text: 'You have 12,345 fans.' }]);
    model.doGenerate = async () => { throw new Error('provider down'); };
    const reply = await world.agent(model, { limits: { maxRetries: 0 } }).ask({ principal: world.org.as('OWNER'), message: 'How many fans?' });
    expect(reply.status).toBe('answered');
    expect(reply.text).toBe('You have 12,345 fans.\n\n⚠ Not verified: the figure 12,345 (not in the data this answer used). Check these before relying on them.');
  });
});
