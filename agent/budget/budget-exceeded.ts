/** A daily model budget is used up: no model call may be made until the organisation's midnight. */
export class BudgetExceededError extends Error {
  constructor(
    message: string,
    readonly scope: 'organisation' | 'person',
  ) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}

export function isBudgetExceeded(error: unknown): error is BudgetExceededError {
  return error instanceof Error && error.name === 'BudgetExceededError';
}
