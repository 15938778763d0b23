// `npm run evals [-- --scripted] [-- --case ID]`: runs every eval case against the configured model
// (live), or, without one, against a scripted model (tools and harness only). Writes
// evals/results/<mode>.md and .json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bin/config.ts';
import type { AgentReply } from '../agent/agent-events.ts';
import { createAgent, type Agent } from '../agent/create-agent.ts';
import { addUsage } from '../agent/usage.ts';
import type { Principal } from '../tools/registry/runner.ts';
import { agentModelFromConfig, type AgentModel } from '../agent/model/agent-model.ts';
import { estimatingTokenCounter } from '../agent/model/token-counter.ts';
import { createConsoleLogger } from '../tools/registry/context.ts';
import { EVAL_CASES } from './cases/index.ts';
import type { EvalCase } from './harness/eval-case.ts';
import { EVAL_TODAY, openEvalWorld, type EvalWorld } from './harness/eval-world.ts';
import { markdownReport, summarise } from './harness/report.ts';
import { scoreCase, type CaseScore } from './harness/score-case.ts';
import { scriptedCaseModel } from './harness/scripted-case-model.ts';

const { values } = parseArgs({ options: { scripted: { type: 'boolean' }, case: { type: 'string', multiple: true } } });
const log = createConsoleLogger('error');
const liveModel = values.scripted ? null : agentModelFromConfig(loadConfig(process.env).model, log);
const mode = liveModel ? 'live' : 'scripted';
const cases = values.case ? EVAL_CASES.filter((evalCase) => values.case!.includes(evalCase.id)) : EVAL_CASES;
if (!cases.length) throw new Error(`no eval case matches ${values.case?.join(', ')}`);

process.stderr.write(`evals: ${cases.length} cases, ${mode} mode${liveModel ? ` (${liveModel.modelId})` : ' (no model configured, or --scripted)'}; seeding the demo organisation...\n`);
const world = await openEvalWorld();
const scores: CaseScore[] = [];
try {
  for (const evalCase of cases) scores.push(await runCase(world, evalCase, liveModel));
} finally {
  await world.close();
}

const summary = summarise(mode, liveModel?.modelId ?? 'scripted', scores, new Date());
const folder = join(import.meta.dirname, 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, `${mode}.json`), `${JSON.stringify({ summary, cases: scores }, null, 2)}\n`);
writeFileSync(join(folder, `${mode}.md`), markdownReport(summary, scores));
process.stdout.write(`${markdownReport(summary, scores).split('\n').slice(0, 10).join('\n')}\n\nwrote evals/results/${mode}.md and ${mode}.json\n`);
process.exitCode = mode === 'scripted' && summary.passed !== summary.cases ? 1 : 0;

async function runCase(world: EvalWorld, evalCase: EvalCase, live: AgentModel | null): Promise<CaseScore> {
  const vars = evalCase.setup ? await evalCase.setup(world.truth, world.setupTools) : {};
  const question = typeof evalCase.question === 'function' ? evalCase.question(vars) : evalCase.question;
  const model: AgentModel = live ?? { languageModel: scriptedCaseModel(evalCase, vars), modelId: 'scripted', tokenCounter: estimatingTokenCounter };
  const agent = createAgent({ runner: world.runner, prisma: world.database.prisma, model, log, now: () => EVAL_TODAY });
  const principal = await world.principalFor(evalCase.role ?? 'MANAGER');
  const asker = { ...principal, surface: 'WEB' as const };
  const reply = await confirmingEveryChange(agent, asker, await agent.ask({ principal: asker, message: question }));
  const score = await scoreCase(evalCase, vars, reply, world.truth, question);
  process.stderr.write(`  ${score.passed ? 'pass' : 'FAIL'}  ${evalCase.id}${score.failures.length ? `: ${score.failures.join('; ')}` : ''}\n`);
  return score;
}

/**
 * The person in an eval says yes to each change the agent proposes (surfaces ask before any write),
 * so a case is scored on the whole exchange: the tools called before and after the confirmation,
 * and the answer that follows it.
 */
async function confirmingEveryChange(agent: Agent, principal: Principal, first: AgentReply): Promise<AgentReply> {
  let reply = first;
  const earlier: AgentReply[] = [];
  for (let round = 0; reply.status === 'confirmation_required' && reply.threadId && round < 5; round++) {
    earlier.push(reply);
    const threadId = reply.threadId;
    let next: AgentReply = reply;
    for (const confirmation of reply.confirmations ?? []) {
      next = await agent.decideAndWait({ principal, threadId, confirmationId: confirmation.id, decision: 'confirm' });
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
