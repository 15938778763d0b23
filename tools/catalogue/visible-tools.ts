import type { Actor } from '../registry/context.ts';
import { answersQuestions, runsOn, type AnyTool } from '../registry/define-tool.ts';
import { can } from '../registry/roles.ts';
import { DISCOVERY_TOOLS } from './toolsets.ts';

/**
 * Whether discovery should offer a tool to this caller: the role may use it, it runs on the
 * caller's surface, a read-only session only sees read-only tools, and the discovery tools are
 * not offered to themselves. The same rules decide whether it runs, in the registry's runner.
 */
export function visibleTo(actor: Actor): (tool: AnyTool) => boolean {
  return (tool) =>
    can(actor.role, tool.permission) &&
    runsOn(tool, actor.surface) &&
    (!actor.readOnly || answersQuestions(tool)) &&
    !(DISCOVERY_TOOLS as readonly string[]).includes(tool.name);
}
