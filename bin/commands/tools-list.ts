import type { Runtime } from '../runtime.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';

export const toolsUsage = 'tools list [--json]   every tool with its area, access and title';

export async function toolsCommand(runtime: Pick<Runtime, 'runner'>, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError('usage: crescendo tools list [--json]');
  const { values } = parseOptions(rest, { json: { type: 'boolean' } });
  const tools = runtime.runner.catalogue.list();
  if (values.json) {
    printJson({
      tools: tools.map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, area: tool.area, access: tool.access, permission: tool.permission })),
    });
    return 0;
  }
  const width = Math.max(...tools.map((tool) => tool.name.length));
  for (const tool of tools) process.stdout.write(`${tool.name.padEnd(width)}  ${tool.access.padEnd(8)}  ${tool.area.padEnd(11)}  ${tool.title}\n`);
  process.stdout.write(`${tools.length} tools\n`);
  return 0;
}
