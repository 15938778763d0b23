import type { AgentReply } from '../../agent/agent-events.ts';
import type { AgentContext } from '../../agent/context/question-context.ts';
import { createAgent, type Agent } from '../../agent/create-agent.ts';
import type { AgentModel } from '../../agent/model/agent-model.ts';
import { estimatingTokenCounter } from '../../agent/model/token-counter.ts';
import { ThreadStore } from '../../agent/threads/thread-store.ts';
import { addUsage } from '../../agent/usage.ts';
import type { Logger } from '../../tools/registry/context.ts';
import { answersQuestions } from '../../tools/registry/define-tool.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import type { CaseScript, CaseVars, EvalCase, SeededTurn } from './eval-case.ts';
import { EVAL_TODAY, type EvalWorld } from './eval-world.ts';
import { scoreCase, type CaseScore } from './score-case.ts';
import { scriptedTurnModel } from './scripted-case-model.ts';

export const questionOf = (question: EvalCase['question'], vars: CaseVars): string => (typeof question === 'function' ? question(vars) : question);

/**
 * Runs one case: prepares its data, writes any seeded history into a thread, asks the earlier
 * turns in that thread (confirming each change), then asks the scored question there and scores
 * the whole exchange. `live` is the configured model; null plays each turn's script instead.
 */
export async function runCase(world: EvalWorld, evalCase: EvalCase, live: AgentModel | null, log: Logger): Promise<CaseScore> {
  const vars = evalCase.setup ? await evalCase.setup(world.truth, world.setupTools) : {};
  const principal = { ...(await world.principalFor(evalCase.role ?? 'MANAGER')), surface: evalCase.surface ?? 'WEB' } satisfies Principal;
  const context = evalCase.context?.(vars);
  const agentFor = (script: CaseScript, question: string): Agent => createAgent({
    runner: world.runner,
    prisma: world.database.prisma,
    model: live ?? { languageModel: scriptedTurnModel(script, question, vars), modelId: 'scripted', tokenCounter: estimatingTokenCounter },
    log,
    now: () => EVAL_TODAY,
    limits: evalCase.limits,
  });

  // What the person was told before the scored question: its figures may be restated.
  const earlier: unknown[] = [];
  const earlierFailures: string[] = [];
  let threadId: string | null = null;
  if (evalCase.seedHistory) {
    const turns = evalCase.seedHistory(vars);
    threadId = await seedThread(world, principal, turns);
    earlier.push(turns.map((turn) => turn.assistant));
  }
  for (const [index, turn] of (evalCase.before ?? []).entries()) {
    const question = questionOf(turn.question, vars);
    const agent = agentFor(turn.script, question);
    const reply = await confirmingEveryChange(agent, principal, await agent.ask({ principal, message: question, thread: threadId ? { threadId } : undefined, context }), context);
    threadId = reply.threadId ?? threadId;
    earlier.push(reply.toolCalls.map((call) => call.output ?? call.error));
    if (reply.status !== 'answered') earlierFailures.push(`earlier turn ${index + 1} ended ${reply.status}`);
  }

  const question = questionOf(evalCase.question, vars);
  const agent = agentFor(evalCase.script, question);
  const reply = await confirmingEveryChange(agent, principal, await agent.ask({ principal, message: question, thread: threadId ? { threadId } : undefined, context }), context);
  const catalogue = world.runner.catalogue;
  const score = await scoreCase(evalCase, vars, reply, {
    truth: world.truth,
    question,
    changesData: (tool) => { const found = catalogue.get(tool); return !!found && !answersQuestions(found); },
    catalogue: catalogue.list().map((tool) => tool.name),
    verify: { prisma: world.database.prisma, orgId: world.orgId, threadId: reply.threadId },
    earlierOutputs: earlier,
  });
  if (earlierFailures.length) return { ...score, passed: false, failures: [...earlierFailures, ...score.failures] };
  return score;
}

/** Writes question-and-answer pairs into a new thread as its history, as if asked before. */
async function seedThread(world: EvalWorld, principal: Principal, turns: SeededTurn[]): Promise<string> {
  const store = new ThreadStore(world.database.prisma);
  const thread = await store.open(principal, principal.surface, {}, turns[0]?.user ?? '');
  for (const turn of turns) {
    await store.recordTurn(principal.orgId, thread.id, { messages: [{ role: 'user', content: turn.user }, { role: 'assistant', content: turn.assistant }] });
  }
  return thread.id;
}

/**
 * The person in an eval says yes to each change the agent proposes (surfaces ask before any write),
 * so a case is scored on the whole exchange: the tools called before and after the confirmation,
 * and the answer that follows it.
 */
export async function confirmingEveryChange(agent: Agent, principal: Principal, first: AgentReply, context?: AgentContext): Promise<AgentReply> {
  let reply = first;
  const earlier: AgentReply[] = [];
  for (let round = 0; reply.status === 'confirmation_required' && reply.threadId && round < 5; round++) {
    earlier.push(reply);
    const threadId = reply.threadId;
    let next: AgentReply = reply;
    for (const confirmation of reply.confirmations ?? []) {
      next = await agent.decideAndWait({ principal, threadId, confirmationId: confirmation.id, decision: 'confirm', context });
    }
    reply = next;
  }
  if (earlier.length === 0) return reply;
  const all = [...earlier, reply];
  return {
    ...reply,
    toolCalls: all.flatMap((part) => part.toolCalls),
    approvals: all.flatMap((part) => part.approvals),
    steps: all.reduce((sum, part) => sum + part.steps, 0),
    durationMs: all.reduce((sum, part) => sum + part.durationMs, 0),
    usage: all.map((part) => part.usage).reduce(addUsage),
  };
}
