import { generateText, NoObjectGeneratedError, Output, type LanguageModel, type ModelMessage } from 'ai';
import { z } from 'zod';
import { buildPostPrompt } from './build-post-prompt.ts';
import { DraftGenerationError } from './draft-generation-error.ts';
import { DRAFT_SCHEMAS, type PlatformDraft } from './draft-shapes.ts';
import { fitDraftToLimits } from './fit-to-limits.ts';
import type { LimitViolation } from './limit-violation.ts';
import type { Platform } from './platforms.ts';
import { DEFAULT_DRAFT_COUNT, type PostRequest } from './post-request.ts';

/** One draft as it may be stored: within every limit, with what the fixer changed. */
export interface GeneratedDraft {
  draft: PlatformDraft;
  /** In plain words, e.g. "Removed 4 hashtags over Instagram's 30"; empty when the model's draft fitted. */
  changes: string[];
}

export interface GenerateOptions {
  /** The data envelope's boundary (random when absent; tests fix it). */
  boundary?: string;
  abortSignal?: AbortSignal;
  /** The SDK's own retries of failed calls (network, 5xx); default 2 as the SDK's. */
  maxRetries?: number;
}

/** A first answer, and one more when it breaks the shape or a limit that cannot be shortened away. */
const ATTEMPTS = 2;

/**
 * Drafts for every platform of the request, in the request's order: one structured-output call
 * per platform, then the limit fixer. Throws DraftGenerationError for the first platform whose
 * drafts stay unusable after a retry.
 */
export async function generatePostDrafts(model: LanguageModel, request: PostRequest, options: GenerateOptions = {}): Promise<GeneratedDraft[]> {
  const drafts: GeneratedDraft[] = [];
  for (const platform of request.platforms) drafts.push(...(await generatePlatformDrafts(model, request, platform, options)));
  return drafts;
}

/** `request.count` drafts for one platform, each within its limits. */
export async function generatePlatformDrafts(model: LanguageModel, request: PostRequest, platform: Platform, options: GenerateOptions = {}): Promise<GeneratedDraft[]> {
  const count = request.count ?? DEFAULT_DRAFT_COUNT;
  const prompt = buildPostPrompt(request, platform, { boundary: options.boundary });
  const schema = z.object({ drafts: z.array(DRAFT_SCHEMAS[platform]).min(count).describe(`${count} drafts.`) });
  const fitOptions = { includeHashtags: request.includeHashtags ?? true, spareHashtags: spareTags(request, platform) };
  const problems: string[] = [];
  let messages: ModelMessage[] = prompt.messages;

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let answer: z.infer<typeof schema>;
    try {
      const result = await generateText({
        model,
        instructions: prompt.instructions,
        messages,
        output: Output.object({ schema, name: `${platform}_drafts` }),
        abortSignal: options.abortSignal,
        maxRetries: options.maxRetries,
      });
      answer = result.output;
    } catch (error) {
      if (!NoObjectGeneratedError.isInstance(error)) throw error;
      const reason = shapeProblem(error);
      problems.push(`attempt ${attempt}: the answer did not match the draft shape (${reason})`);
      messages = [...messages, { role: 'assistant', content: error.text ?? '' }, { role: 'user', content: `That answer did not match the required JSON shape: ${reason}. Answer again with JSON only, in the requested shape.` }];
      continue;
    }

    const fitted = answer.drafts.slice(0, count).map((content) => fitDraftToLimits({ platform, content } as PlatformDraft, fitOptions));
    const unmendable = fitted.flatMap((result) => result.violations);
    if (unmendable.length === 0) return fitted.map(({ draft, changes }) => ({ draft, changes }));
    problems.push(`attempt ${attempt}: ${describeViolations(unmendable)}`);
    messages = [...messages, { role: 'assistant', content: JSON.stringify(answer) }, { role: 'user', content: `Those drafts break limits that cannot be shortened away: ${describeViolations(unmendable)}. Write them again within the limits, as JSON in the same shape.` }];
  }
  throw new DraftGenerationError(platform, problems);
}

/** Trending tags of the platform, best first: the fixer may top TikTok's hashtags up from them. */
function spareTags(request: PostRequest, platform: Platform): string[] {
  return (request.trendingHashtags ?? [])
    .filter((trend) => trend.platform === platform)
    .toSorted((a, b) => b.score - a.score)
    .map((trend) => trend.tag);
}

function describeViolations(violations: LimitViolation[]): string {
  return violations.map((violation) => violation.message).join('; ');
}

// Enough of the validation message to act on, not the whole schema dump.
const MAX_REASON = 300;

function shapeProblem(error: NoObjectGeneratedError): string {
  const cause = error.cause instanceof Error ? error.cause : error;
  const zodIssues = cause.cause instanceof z.ZodError ? cause.cause.issues : undefined;
  const reason = (zodIssues ? zodIssues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`).join('; ') : cause.message).replace(/\s+/gu, ' ');
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason;
}
