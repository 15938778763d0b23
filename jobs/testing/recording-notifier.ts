import type { ApprovalNotice, NotificationMessage, Notifier } from '../notifier.ts';

export type RecordedNotification =
  | { kind: 'digest' | 'alerts'; organizationId: string; message: NotificationMessage }
  | { kind: 'approvalRequested'; organizationId: string; approval: ApprovalNotice }
  | { kind: 'approvalSettled'; organizationId: string; approval: ApprovalNotice & { status: string; result?: string } }
  | { kind: 'direct'; organizationId: string; email: string; message: NotificationMessage };

/** A Notifier for tests: keeps every notification, in order. */
export function recordingNotifier(): Notifier & { sent: RecordedNotification[] } {
  const sent: RecordedNotification[] = [];
  return {
    sent,
    async digest(organizationId, message) {
      sent.push({ kind: 'digest', organizationId, message });
    },
    async alerts(organizationId, message) {
      sent.push({ kind: 'alerts', organizationId, message });
    },
    async approvalRequested(organizationId, approval) {
      sent.push({ kind: 'approvalRequested', organizationId, approval });
    },
    async approvalSettled(organizationId, approval) {
      sent.push({ kind: 'approvalSettled', organizationId, approval });
    },
    async direct(organizationId, email, message) {
      sent.push({ kind: 'direct', organizationId, email, message });
    },
  };
}
