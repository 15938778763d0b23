import { ToolError } from '../registry/errors.ts';

/** A tool's model call refused because a daily model budget is spent: the tool stops and says so. */
export class ModelBudgetError extends ToolError {
  constructor(message: string) {
    super('unavailable', message);
    this.name = 'ModelBudgetError';
  }
}
