/** What each approval action does, in a marketer's words; unknown actions show their tool name. */
const ACTION_LABELS: Record<string, string> = {
  commit_allocation: 'Book playlist placements',
  pay_vendor: 'Pay a vendor',
  schedule_post: 'Schedule a post',
  publish_now: 'Publish a post now',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replaceAll('_', ' ');
}
