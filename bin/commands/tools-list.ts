import { createCatalogue } from '../../tools/index.ts';
import type { ToolCatalogue } from '../../tools/registry/catalogue.ts';
import type { Command } from '../command-catalogue.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';

/** The catalogue is code, not data: listing it needs no database, so it works beside a running server. */
export const toolsCommandEntry: Command = {
  run: (runtime, args) => listTools(runtime.runner.catalogue, args),
  withoutDatabase: (args) => listTools(createCatalogue(), args),
};

function listTools(catalogue: ToolCatalogue, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError(commandUsage('tools'));
  const { values } = parseOptions(rest, { json: { type: 'boolean' } });
  const tools = catalogue.list();
  if (values.json) {
    printJson({
      tools: tools.map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, area: tool.area, access: tool.access, permission: tool.permission })),
    });
    return Promise.resolve(0);
  }
  const width = Math.max(...tools.map((tool) => tool.name.length));
  for (const tool of tools) process.stdout.write(`${tool.name.padEnd(width)}  ${tool.access.padEnd(8)}  ${tool.area.padEnd(11)}  ${tool.title}\n`);
  process.stdout.write(`${tools.length} tools\n`);
  return Promise.resolve(0);
}
