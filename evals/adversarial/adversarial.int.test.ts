import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../../agent/testing/agent-test-world.ts';
import { ADVERSARIAL_CASES } from './adversarial-cases.ts';

describe('adversarial fake models: each misbehaviour is caught by the agent', () => {
  let world: AgentTestWorld;
  // The pending-payment case starts after the person confirmed the payment: it files at once here (confirmation has its own tests in agent/confirmations).
  beforeAll(async () => { world = await openAgentTestWorld('adversarial', { toolsWithoutConfirmation: ['fixture_pay_vendor'] }); });
  afterAll(async () => { await world.database.close(); });

  for (const adversarial of ADVERSARIAL_CASES) {
    it(`${adversarial.id}: ${adversarial.misbehaviour}; ${adversarial.guard}`, async () => {
      expect(await adversarial.run(world)).toEqual([]);
    });
  }
});
