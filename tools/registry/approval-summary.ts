import { z } from 'zod';

/**
 * What an approver reads before deciding, as structured parts every surface lays out the same way
 * (web card, Slack message, CLI): the action in plain words, the money in large type, what it is
 * for, and the figures the decision rests on. Approval tools build it (`summarize`), because only
 * the domain knows which figures matter; it is stored with the request.
 */
export const approvalSummary = z.object({
  headline: z.string().describe('What happens once approved, in plain words ("Pay Pulse Media 283.26 USD").'),
  amount: z.object({ value: z.number(), currency: z.string() }).nullable().describe('The money it commits, if any.'),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable().describe('The campaign it is for.'),
  songs: z.array(z.object({ title: z.string(), artist: z.string() })).describe('The songs it is for, by title and artist.'),
  evidence: z.array(z.object({ label: z.string(), value: z.string() })).describe('The figures the decision rests on, as shown, in reading order.'),
  warnings: z.array(z.string()).describe('What an approver should notice before deciding (overpayment, a paused campaign).'),
});
export type ApprovalSummary = z.infer<typeof approvalSummary>;

/** A summary stored before the contract changed, or by hand, is not trusted: views fall back to the preview. */
export function storedSummary(value: unknown): ApprovalSummary | null {
  const parsed = approvalSummary.safeParse(value);
  return parsed.success ? parsed.data : null;
}
