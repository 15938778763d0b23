import { hashtagTotal } from './check-limits.ts';
import { normalizeHashtags, removeLastInlineHashtags } from './hashtags.ts';
import { PLATFORM_LABELS } from './platforms.ts';
import { plural } from './text-measures.ts';

export interface CaptionWithHashtags {
  caption: string;
  hashtags: string[];
}

export interface HashtagRules {
  platform: 'instagram' | 'tiktok';
  includeHashtags: boolean;
  max: number;
  min?: number;
  /** Tags that may top the list up to `min` (the trending tags the model was shown), best first. */
  spare?: readonly string[];
}

/**
 * The hashtags brought within the platform's count: cleaned ('#' and spaces off, repeats out),
 * the last ones dropped when over (the list's first, then those written in the caption), spare
 * tags added when under. Each step adds a sentence to `changes`.
 */
export function fitHashtags<T extends CaptionWithHashtags>(content: T, rules: HashtagRules, changes: string[]): T {
  const label = PLATFORM_LABELS[rules.platform];
  const normalized = normalizeHashtags(content.hashtags);
  if (normalized.repeatsRemoved) changes.push(`Removed ${plural(normalized.repeatsRemoved, 'repeated hashtag')}`);
  let fitted: T = { ...content, hashtags: normalized.tags };

  const max = rules.includeHashtags ? rules.max : 0;
  const over = hashtagTotal(fitted) - max;
  if (over > 0) {
    const fromList = Math.min(over, fitted.hashtags.length);
    const fromCaption = over - fromList;
    fitted = {
      ...fitted,
      hashtags: fitted.hashtags.slice(0, fitted.hashtags.length - fromList),
      caption: removeLastInlineHashtags(fitted.caption, fromCaption),
    };
    changes.push(
      rules.includeHashtags ? `Removed ${plural(over, 'hashtag')} over ${label}'s ${max}` : `Removed ${plural(over, 'hashtag')}: none were asked for`,
    );
  }

  if (rules.includeHashtags && rules.min !== undefined && hashtagTotal(fitted) < rules.min) {
    const present = new Set(fitted.hashtags.map((tag) => tag.toLocaleLowerCase('en')));
    const candidates = normalizeHashtags(rules.spare ?? []).tags.filter((tag) => !present.has(tag.toLocaleLowerCase('en')));
    const added = candidates.slice(0, rules.min - hashtagTotal(fitted));
    if (added.length) {
      fitted = { ...fitted, hashtags: [...fitted.hashtags, ...added] };
      changes.push(`Added ${plural(added.length, 'trending hashtag')} (${added.map((tag) => `#${tag}`).join(', ')}) to reach ${label}'s minimum of ${rules.min}`);
    }
  }
  return fitted;
}
