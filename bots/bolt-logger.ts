import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../tools/registry/context.ts';
import { LogLevel } from './bolt.ts';

/** Bolt's logger interface over ours: Bolt's debug chatter is dropped, the rest keeps its level. */
export function boltLogger(log: Logger): SlackLogger {
  let name = 'slack';
  const line = (parts: unknown[]) => parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');
  return {
    debug() {},
    info: (...parts) => log.info(line(parts), { component: name }),
    warn: (...parts) => log.warn(line(parts), { component: name }),
    error: (...parts) => log.error(line(parts), { component: name }),
    setLevel() {},
    getLevel: () => LogLevel.INFO,
    setName(value) {
      name = value;
    },
  };
}
