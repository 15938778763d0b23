import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import type { KnownBlock } from '../bolt.ts';
import { context, escapeMrkdwn, header, section, truncate } from './slack-limits.ts';

/** What the App Home tab shows one person. */
export interface HomeContent {
  /** Pending requests this person may decide (not their own); null when their role cannot decide. */
  decidable: ApprovalView[] | null;
  /** More are waiting than listed. */
  moreWaiting: boolean;
  /** Why the requests could not be listed, so an empty list is never mistaken for "nothing waiting". */
  approvalsError?: string;
  /** Today's digest in one paragraph, or why it is missing. */
  digestHeadline: string;
  webUrl: string | null;
}

/** Requests listed on the tab; the rest are one click away in the web UI. */
export const HOME_APPROVALS_SHOWN = 10;

export const HOW_TO_ASK = [
  '*How to ask*',
  '• Mention me in a channel: `@Crescendo how are our vendors delivering this month?` I answer in the thread; reply there to continue.',
  '• Send me a direct message (the Messages tab).',
  '• Where mentions are noisy: `/crescendo ask QUESTION`.',
  '• `/crescendo digest` posts today\'s digest here; `/crescendo help` lists the rest.',
].join('\n');

/** The App Home tab (views.publish, type home): approvals to decide, today's digest, how to ask. */
export function homeView(content: HomeContent): { type: 'home'; blocks: KnownBlock[] } {
  return { type: 'home', blocks: [header('Crescendo'), ...approvalBlocks(content), { type: 'divider' }, section(`*Today's digest*\n${escapeMrkdwn(content.digestHeadline)}`), { type: 'divider' }, section(HOW_TO_ASK)] };
}

function approvalBlocks({ decidable, moreWaiting, webUrl, approvalsError }: HomeContent): KnownBlock[] {
  if (approvalsError) return [section(`*Approvals*\nThe requests could not be listed right now: ${escapeMrkdwn(approvalsError)}`)];
  if (decidable === null) return [section('*Approvals*\nYour role does not decide approval requests; a manager, admin or owner does.')];
  if (decidable.length === 0) return [section('*Approvals*\nNothing is waiting for your decision.')];
  const count = `${decidable.length}${moreWaiting ? '+' : ''}`;
  const lines = decidable.map((request) => `• ${linked(request, webUrl)}${requester(request)}`);
  const blocks: KnownBlock[] = [section(truncate(`*${count} approval request${decidable.length === 1 && !moreWaiting ? '' : 's'} waiting for your decision*\n${lines.join('\n')}`, 3000))];
  if (webUrl) blocks.push(context(`<${webUrl}/approvals|Open the approvals inbox>`));
  return blocks;
}

function linked(request: ApprovalView, webUrl: string | null): string {
  const what = escapeMrkdwn(request.summary?.headline ?? request.preview.split('\n')[0] ?? request.action);
  return webUrl ? `<${webUrl}/approvals/${request.id}|${what}>` : what;
}

function requester(request: ApprovalView): string {
  const who = request.requested_by_name ?? request.requested_by;
  return who ? ` (asked by ${escapeMrkdwn(who)})` : '';
}
