/** What each approval action does, in a marketer's words; unknown actions show their tool name. */
const ACTION_LABELS: Record<string, string> = {
  commit_allocation: 'Book playlist placements',
  pay_vendor: 'Pay a vendor',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replaceAll('_', ' ');
}
