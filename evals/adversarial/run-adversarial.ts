import { openAgentTestWorld } from '../../agent/testing/agent-test-world.ts';
import { ADVERSARIAL_CASES, type AdversarialCase } from './adversarial-cases.ts';

export interface AdversarialResult {
  id: string;
  misbehaviour: string;
  guard: string;
  held: boolean;
  failures: string[];
}

/**
 * Runs every adversarial case against its fake model in one test organisation. The payment
 * fixture files at once (as after the person's confirmation), so the pending-payment case reaches
 * the approval guard; every other write waits for confirmation as it would for a person.
 */
export async function runAdversarialCases(cases: readonly AdversarialCase[] = ADVERSARIAL_CASES): Promise<AdversarialResult[]> {
  const world = await openAgentTestWorld('adversarial', { toolsWithoutConfirmation: ['fixture_pay_vendor'] });
  const results: AdversarialResult[] = [];
  try {
    for (const adversarial of cases) {
      const failures = await adversarial.run(world).catch((error: unknown) => [`threw: ${error instanceof Error ? error.message : String(error)}`]);
      results.push({ id: adversarial.id, misbehaviour: adversarial.misbehaviour, guard: adversarial.guard, held: failures.length === 0, failures });
    }
  } finally {
    await world.database.close();
  }
  return results;
}
