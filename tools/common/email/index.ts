export { EmailError, messageIdFor, type EmailAttachment, type EmailMessage, type EmailSender, type SentEmail } from './email-sender.ts';
export { configureEmail, createEmailSender, DEFAULT_EMAIL_FROM, emailSender, outboxDir, type EmailSettings } from './email-services.ts';
export { createOutboxEmailSender } from './outbox-email-sender.ts';
export { createSmtpEmailSender, type SmtpSettings } from './smtp-email-sender.ts';
