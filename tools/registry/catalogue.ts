import type { Surface } from './context.ts';
import { answersQuestions, runsOn, type AnyTool, type ToolAccess } from './define-tool.ts';
import { can, type Area, type Role } from './roles.ts';

export interface ToolFilter {
  /** Only the tools this role may call. */
  role?: Role;
  /** Only these areas (MCP toolsets). */
  areas?: readonly Area[];
  /** Only these kinds of access (read-only mode passes ['read'], which includes tools that only record their own result). */
  access?: readonly ToolAccess[];
  /** Only the tools that may run from this surface (decide_approval is for people, not MCP or the agent). */
  surface?: Surface;
}

/** The set of tools every surface is generated from. */
export class ToolCatalogue {
  private readonly byName = new Map<string, AnyTool>();

  constructor(tools: readonly AnyTool[]) {
    for (const tool of tools) {
      if (this.byName.has(tool.name)) throw new Error(`Two tools are named ${tool.name}`);
      this.byName.set(tool.name, tool);
    }
  }

  get(name: string): AnyTool | undefined {
    return this.byName.get(name);
  }

  list(filter: ToolFilter = {}): AnyTool[] {
    return [...this.byName.values()]
      .filter((tool) => !filter.role || can(filter.role, tool.permission))
      .filter((tool) => !filter.areas || filter.areas.includes(tool.area))
      .filter((tool) => !filter.surface || runsOn(tool, filter.surface))
      .filter((tool) => !filter.access || filter.access.includes(tool.access) || (filter.access.includes('read') && answersQuestions(tool)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get size(): number {
    return this.byName.size;
  }
}
