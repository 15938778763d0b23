/** A turn the agent is working on in one Slack thread. */
export interface RunningTurn {
  /** The Slack user who asked: the one who may cancel it. */
  askedBy: string;
  controller: AbortController;
  /** Who pressed Cancel, once someone did. */
  cancelledBy?: string;
}

/**
 * One turn at a time per thread: a second question while the agent still works on the first would
 * race it for the same conversation (and both would answer). Kept in memory because a turn lives
 * inside this process; the Cancel button finds its turn here by thread key.
 */
export class ThreadTurns {
  private readonly running = new Map<string, RunningTurn>();

  /** Starts a turn for the thread, or returns null when one is already running there. */
  begin(threadKey: string, askedBy: string): RunningTurn | null {
    if (this.running.has(threadKey)) return null;
    const turn: RunningTurn = { askedBy, controller: new AbortController() };
    this.running.set(threadKey, turn);
    return turn;
  }

  end(threadKey: string, turn: RunningTurn): void {
    if (this.running.get(threadKey) === turn) this.running.delete(threadKey);
  }

  /**
   * Stops the thread's turn for the person who asked it. 'not_running' when it already finished,
   * 'not_yours' when someone else asked (a colleague's click must not throw away their answer).
   */
  cancel(threadKey: string, slackUserId: string): 'cancelled' | 'not_running' | 'not_yours' {
    const turn = this.running.get(threadKey);
    if (!turn) return 'not_running';
    if (turn.askedBy !== slackUserId) return 'not_yours';
    turn.cancelledBy = slackUserId;
    turn.controller.abort();
    return 'cancelled';
  }
}
