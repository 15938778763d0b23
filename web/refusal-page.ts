import type { Response } from 'express';

/**
 * The short page a browser lands on when a sign-in redirect is refused (a tampered state, a declined
 * grant): the reason in words, a link back, never a token. Not cached.
 */
export function sendRefusalPage(response: Response, status: number, page: { title: string; heading: string; reason: string; backTo: string }): void {
  response
    .status(status)
    .set('cache-control', 'no-store')
    .type('html')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title></head><body><h1>${escapeHtml(page.heading)}</h1><p>${escapeHtml(page.reason)}</p><p><a href="${escapeHtml(page.backTo)}">Back to Crescendo</a></p></body></html>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
