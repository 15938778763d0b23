import { ToolError } from '../../registry/errors.ts';
import { PLATFORM_LABELS, type Platform } from './platforms.ts';

/**
 * The model could not produce usable drafts for a platform: its answers broke the draft shape,
 * or kept breaking a limit that shortening cannot mend (too few hashtags or video ideas).
 * `unavailable`, because asking again later (or another model) may succeed; nothing is stored.
 */
export class DraftGenerationError extends ToolError {
  constructor(
    readonly platform: Platform,
    /** One line per failed attempt, saying what was wrong. */
    readonly problems: string[],
  ) {
    super('unavailable', `The model could not write usable ${PLATFORM_LABELS[platform]} drafts after ${problems.length} attempts: ${problems.join('; ')}`);
    this.name = 'DraftGenerationError';
  }
}
