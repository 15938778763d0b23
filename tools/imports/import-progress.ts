import type { ToolContext } from '../registry/context.ts';

/**
 * One rising count for an import's progress, as MCP wants it: each row counts once when read, once
 * when checked and once when stored (dry runs: twice), so the total is known once a file is read.
 */
export class ImportProgress {
  private done = 0;
  private rowsKnown = 0;

  constructor(
    private readonly ctx: ToolContext,
    private readonly dryRun: boolean,
  ) {}

  read(rows: number, message: string): void {
    this.advance(rows, message);
  }

  fileRead(rows: number): void {
    this.rowsKnown += rows;
  }

  checked(rows: number, message: string): void {
    this.advance(rows, message);
  }

  stored(rows: number, message: string): void {
    this.advance(rows, message);
  }

  private advance(rows: number, message: string): void {
    this.done += rows;
    const total = this.rowsKnown * (this.dryRun ? 2 : 3);
    this.ctx.progress({ progress: this.done, ...(total >= this.done && total > 0 ? { total } : {}), message });
  }
}
