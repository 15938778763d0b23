import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../../agent/testing/agent-test-world.ts';
import { ADVERSARIAL_CASES } from './adversarial-cases.ts';

describe('adversarial fake models: each misbehaviour is caught by the agent', () => {
  let world: AgentTestWorld;
  beforeAll(async () => { world = await openAgentTestWorld('adversarial'); });
  afterAll(async () => { await world.database.close(); });

  for (const adversarial of ADVERSARIAL_CASES) {
    it(`${adversarial.id}: ${adversarial.misbehaviour}; ${adversarial.guard}`, async () => {
      expect(await adversarial.run(world)).toBeNull();
    });
  }
});
