import { Readable } from 'node:stream';
import type { Agent } from '../../agent/create-agent.ts';
import type { Database } from '../../db/database.ts';
import type { Command } from '../command-catalogue.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Runs `crescendo ask` or `crescendo chat` in this process, over a test database and an agent
 * built with a scripted (misbehaving) model, which a separate process could not be given: the
 * command's own code, with piped stdin (the person's lines, y/N answers included) and its stdout
 * and stderr captured. Those commands read only the database and the agent of the runtime.
 */
export async function runAgentCommand(command: Command, deps: { database: Database; agent: Agent }, args: string[], stdin = '') {
  const runtime = { database: deps.database, agent: deps.agent } as unknown as Runtime;
  const out: string[] = [];
  const err: string[] = [];
  const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  Object.defineProperty(process, 'stdin', { value: Readable.from([stdin]), configurable: true });
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await command.run(runtime, args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    Object.defineProperty(process, 'stdin', stdinDescriptor);
  }
}
