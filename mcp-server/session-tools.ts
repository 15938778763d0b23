import { CORE_TOOLS, DISCOVERY_TOOLS } from '../tools/catalogue/toolsets.ts';
import type { ToolCatalogue } from '../tools/registry/catalogue.ts';
import type { AnyTool } from '../tools/registry/define-tool.ts';
import type { Area } from '../tools/registry/roles.ts';
import type { Principal } from '../tools/registry/runner.ts';

/** Which toolsets a session lists from the start: areas, or every tool the role may use. */
export type ToolsetSelection = readonly Area[] | 'all';

/**
 * The tools one MCP session lists. It starts with the core and the discovery tools (plus any
 * preloaded toolsets) and grows as find_tools and enable_toolset bring tools in. Listing is only
 * what the client shows its model: the runner decides what may run, listed or not.
 */
export class SessionTools {
  private readonly usable: AnyTool[];
  private readonly listed = new Set<string>();

  constructor(catalogue: ToolCatalogue, principal: Principal, toolsets: ToolsetSelection | undefined) {
    this.usable = catalogue.list({ role: principal.role, surface: 'MCP', access: principal.readOnly ? ['read'] : undefined });
    const initial = toolsets === 'all'
      ? this.usable
      : this.usable.filter((tool) => CORE_TOOLS.includes(tool.name) || (DISCOVERY_TOOLS as readonly string[]).includes(tool.name) || toolsets?.includes(tool.area));
    for (const tool of initial) this.listed.add(tool.name);
  }

  /** The listed tools, in catalogue order. */
  list(): AnyTool[] {
    return this.usable.filter((tool) => this.listed.has(tool.name));
  }

  /** Whether the principal may call it at all (resources and prompts are offered on this). */
  usableByName(name: string): boolean {
    return this.usable.some((tool) => tool.name === name);
  }

  /** Lists these tools too; true when the list changed. Names the principal may not use are ignored. */
  add(names: readonly string[]): boolean {
    const before = this.listed.size;
    for (const name of names) if (this.usableByName(name)) this.listed.add(name);
    return this.listed.size !== before;
  }
}
