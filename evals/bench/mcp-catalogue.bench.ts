import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { getEncoding } from 'js-tiktoken';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { createAgent } from '../../agent/create-agent.ts';
import { estimatingTokenCounter } from '../../agent/model/token-counter.ts';
import { connectInMemory } from '../../mcp-server/test-client.ts';
import type { ToolsetSelection } from '../../mcp-server/session-tools.ts';
import { ALL_TOOLS, createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import type { AnyTool } from '../../tools/registry/define-tool.ts';
import { AREAS, ROLES, type Role } from '../../tools/registry/roles.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { EVAL_CASES } from '../cases/index.ts';
import { EVAL_TODAY, openEvalWorld } from '../harness/eval-world.ts';
import { scriptedCaseModel } from '../harness/scripted-case-model.ts';
import { median, type Benchmark, type Figure } from './harness.ts';
import { syntheticTools } from './synthetic-tools.ts';

const BENCH = 'mcp-catalogue';
const SINGLE_QUESTIONS = EVAL_CASES.filter((evalCase) => !evalCase.before?.length && !evalCase.seedHistory);
/** Targets from the catalogue issue: what a default MCP list and an agent model call may cost. */
const MCP_DEFAULT_TARGET = 10_000;
const AGENT_MEDIAN_TARGET = 6_000;
const SCALED_CATALOGUE = 200;

const encoding = getEncoding('cl100k_base');
const tokens = (value: unknown) => encoding.encode(typeof value === 'string' ? value : JSON.stringify(value)).length;

/**
 * What the tool catalogue costs a model, in cl100k_base tokens (js-tiktoken): MCP tools/list as a
 * client receives it (default list, each toolset, all, each role, read-only), and the tool
 * definitions the agent sends with each model call over the eval questions; both for today's
 * catalogue and with synthetic tools added up to 200. Floor: the listed tools' names and
 * descriptions alone.
 */
export const mcpCatalogueBench: Benchmark = {
  name: BENCH,
  description: 'tokens (cl100k_base) of MCP tools/list and of the agent\'s tool definitions per model call; floor: names and descriptions alone',
  async run() {
    const synthetic = syntheticTools(SCALED_CATALOGUE - ALL_TOOLS.length);
    const figures: Figure[] = [];
    figures.push(...(await mcpFigures('', ALL_TOOLS)));
    figures.push(...(await mcpFigures(` @${SCALED_CATALOGUE} tools`, [...ALL_TOOLS, ...synthetic])));
    figures.push(...(await agentFigures('', [])));
    figures.push(...(await agentFigures(` @${SCALED_CATALOGUE} tools`, synthetic)));
    return figures;
  },
};

async function mcpFigures(suffix: string, tools: readonly AnyTool[]): Promise<Figure[]> {
  // tools/list only reads the catalogue, so the runner needs no database here.
  const runner = new ToolRunner({ prisma: undefined as unknown as PrismaClient, catalogue: createCatalogue(tools), log: silentLogger });
  const list = async (role: Role, options: { toolsets?: ToolsetSelection; readOnly?: boolean } = {}) => {
    const client = await connectInMemory({ runner, principal: { orgId: 'bench', userId: null, role, surface: 'MCP' }, version: 'bench', ...options });
    const listed = (await client.listTools()).tools;
    await client.close();
    return listed;
  };
  const figure = (metric: string, listed: Tool[], target?: number): Figure => ({
    bench: BENCH,
    metric: `tools/list ${metric}${suffix}: ${listed.length} tools${target ? ` (target <= ${target})` : ''}`,
    value: tokens({ tools: listed }),
    unit: 'tokens',
    floor: { value: tokens(listed.map((tool) => ({ name: tool.name, description: tool.description }))), what: 'names + descriptions' },
  });
  const figures = [figure('default (OWNER)', await list('OWNER'), MCP_DEFAULT_TARGET)];
  for (const area of AREAS) {
    if (!tools.some((tool) => tool.area === area)) continue;
    figures.push(figure(`--toolsets ${area}`, await list('OWNER', { toolsets: [area] })));
  }
  figures.push(figure('--toolsets all (OWNER)', await list('OWNER', { toolsets: 'all' })));
  for (const role of ROLES.filter((role) => role !== 'OWNER')) {
    figures.push(figure(`default (${role})`, await list(role)));
    figures.push(figure(`--toolsets all (${role})`, await list(role, { toolsets: 'all' })));
  }
  figures.push(figure('--read-only (OWNER)', await list('OWNER', { readOnly: true })));
  figures.push(figure('--read-only --toolsets all (OWNER)', await list('OWNER', { readOnly: true, toolsets: 'all' })));
  return figures;
}

/** Runs every eval case on the scripted model and counts the tool definitions each model call carried. */
async function agentFigures(suffix: string, extraTools: readonly AnyTool[]): Promise<Figure[]> {
  const world = await openEvalWorld({ extraTools });
  const perCall: number[] = [];
  let discoveryCases = 0;
  try {
    // One question per case: a conversation's follow-up only makes sense after its earlier turns.
    for (const evalCase of SINGLE_QUESTIONS) {
      const vars = evalCase.setup ? await evalCase.setup(world.truth, world.setupTools) : {};
      const model = scriptedCaseModel(evalCase, vars);
      const agent = createAgent({ runner: world.runner, prisma: world.database.prisma, model: { languageModel: model, modelId: 'scripted', tokenCounter: estimatingTokenCounter }, log: silentLogger, now: () => EVAL_TODAY });
      const principal = await world.principalFor(evalCase.role ?? 'MANAGER');
      const question = typeof evalCase.question === 'function' ? evalCase.question(vars) : evalCase.question;
      const reply = await agent.ask({ principal: { ...principal, surface: 'WEB' }, message: question });
      if (reply.toolCalls.some((call) => call.name === 'find_tools')) discoveryCases++;
      for (const call of model.doStreamCalls as LanguageModelV4CallOptions[]) perCall.push(tokens(definitionsAsSent(call)));
    }
  } finally {
    await world.close();
  }
  const sorted = [...perCall].sort((a, b) => a - b);
  return [
    { bench: BENCH, metric: `agent tool definitions per model call, median over ${perCall.length} calls of ${SINGLE_QUESTIONS.length} eval questions${suffix} (target <= ${AGENT_MEDIAN_TARGET})`, value: median(perCall), unit: 'tokens' },
    { bench: BENCH, metric: `agent tool definitions per model call, largest${suffix}`, value: sorted.at(-1) ?? 0, unit: 'tokens' },
    { bench: BENCH, metric: `eval questions that needed find_tools${suffix}`, value: discoveryCases, unit: 'cases' },
  ];
}

/** The tools of one model call as Anthropic's Messages API receives them. */
function definitionsAsSent(call: LanguageModelV4CallOptions) {
  return (call.tools ?? []).map((tool) => (tool.type === 'function' ? { name: tool.name, description: tool.description, input_schema: tool.inputSchema } : tool));
}
