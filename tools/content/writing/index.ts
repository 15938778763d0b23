// The writing core of `generate_posts` (issue 18): draft shapes, platform limits, the prompt and
// the generator. Pure: no database, no registered tools.
export { PLATFORMS, POST_STYLES, PLATFORM_LABELS, type Platform, type PostStyle } from './platforms.ts';
export { DRAFT_SCHEMAS, type DraftFor, type PlatformDraft } from './draft-shapes.ts';
export { PLATFORM_LIMITS } from './platform-limits.ts';
export { checkDraftLimits, type LimitOptions } from './check-limits.ts';
export type { LimitViolation } from './limit-violation.ts';
export { fitDraftToLimits, type FitOptions, type FittedDraft } from './fit-to-limits.ts';
export { postedCaption } from './hashtags.ts';
export { xWeightedLength } from './x-weighted-length.ts';
export { buildPostPrompt, type PostPrompt } from './build-post-prompt.ts';
export type { BrandVoice, PostRequest, ReleaseBrief, TrendingHashtag } from './post-request.ts';
export { generatePostDrafts, generatePlatformDrafts, type GeneratedDraft, type GenerateOptions } from './generate-drafts.ts';
export { DraftGenerationError } from './draft-generation-error.ts';
