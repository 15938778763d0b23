import { PLATFORM_LABELS } from '../../../../../tools/content/writing/platforms.ts';
import { PostPreview } from '../content/previews/post-preview.tsx';
import { emptyDraft, type PostDraft } from '../content/post-draft.ts';
import type { Approval } from './approval-card.tsx';

/** The approval tools whose requests are posts: the approver sees the post as it will appear. */
export const POST_ACTIONS = new Set(['schedule_post', 'publish_now']);

/**
 * A post request as it will appear on its platform, with its time, rebuilt from what the request
 * itself records (schedule_post's summary and preview: platform, account, time, text, media,
 * link), so the approver judges exactly the version that was filed.
 */
export function PostApprovalPreview({ approval }: { approval: Approval }) {
  const post = postFromApproval(approval);
  if (!post) return null;
  return (
    <div className="approval-post">
      <PostPreview post={post.draft} when={post.when} />
    </div>
  );
}

export function postFromApproval(approval: Pick<Approval, 'action' | 'summary' | 'preview'>): { draft: PostDraft; when: string } | null {
  if (!POST_ACTIONS.has(approval.action) || !approval.summary) return null;
  const facts = new Map(approval.summary.evidence.map((fact) => [fact.label, fact.value]));
  const platform = Object.entries(PLATFORM_LABELS).find(([, label]) => label === facts.get('Platform'))?.[0] as keyof typeof PLATFORM_LABELS | undefined;
  if (!platform) return null;
  const draft = emptyDraft(platform);
  const text = facts.get('Text') ?? '';
  const thread = platform === 'x' ? threadFromPreview(approval.preview) : [];
  const media = approval.summary.evidence.filter((fact) => fact.label === 'Image' || fact.label === 'Video')
    .map((fact) => ({ url: fact.value, kind: fact.label === 'Image' ? ('image' as const) : ('video' as const) }));
  return {
    draft: { ...draft, caption: thread[0] ?? text, thread: thread.length > 1 ? thread : [], media, link: facts.get('Link') ?? '', account: facts.get('Account') ?? null },
    when: facts.get('When') ?? 'no time set',
  };
}

/** The parts of a thread as the preview numbers them ("1/3 first post", "2/3 ..."), each possibly on several lines. */
function threadFromPreview(preview: string): string[] {
  const lines = preview.split('\n');
  const first = lines.findIndex((line) => /^1\/\d+ /u.test(line));
  if (first < 0) return [];
  const total = Number(lines[first]!.match(/^1\/(\d+) /u)![1]);
  const parts: string[] = [];
  for (const line of lines.slice(first)) {
    const marker = line.match(/^(\d+)\/(\d+) (.*)$/u);
    if (marker && Number(marker[2]) === total && Number(marker[1]) === parts.length + 1) parts.push(marker[3]!);
    else if (parts.length === total && (line === '' || /^(Title|Image|Video|Link|Content version)\b/u.test(line))) break;
    else if (parts.length) parts[parts.length - 1] += `\n${line}`;
  }
  return parts.map((part) => part.trimEnd());
}
