// A loopback fake of the Messages API for trying the agent by hand, without a key or network:
//   node bin/run-ts.js agent/testing/fake-anthropic-main.ts [--tool NAME] [--overloaded N]
// prints its URL; then ANTHROPIC_BASE_URL=<url> ANTHROPIC_API_KEY=x crescendo ask "..." --org demo
import { parseArgs } from 'node:util';
import { startFakeAnthropic, toolThenAnswer } from './fake-anthropic-server.ts';

const { values } = parseArgs({ options: { tool: { type: 'string' }, overloaded: { type: 'string', default: '0' } } });
const overloaded = Number(values.overloaded);
const script = toolThenAnswer(values.tool);
// Every new question first gets `overloaded` 529s, so each ask shows the retry.
let overloadsSent = 0;
const fake = await startFakeAnthropic((request, index) => {
  const newQuestion = !JSON.stringify(request.messages.at(-1)?.content ?? '').includes('tool_result');
  if (newQuestion && overloadsSent < overloaded) {
    overloadsSent++;
    return { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded', headers: { 'retry-after': '0' } };
  }
  if (newQuestion) overloadsSent = 0;
  return script(request, index);
});
process.stdout.write(`${fake.url}\n`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
