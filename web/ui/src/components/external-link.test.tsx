import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExternalLink } from './external-link.tsx';
import { safeLinkHref } from './safe-link.ts';

/** Issue 15 #15: a stored link becomes clickable only with a scheme that opens a page. */
describe('safe links', () => {
  it('keeps http, https and spotify: links and drops every other scheme', () => {
    expect(safeLinkHref('https://open.spotify.com/playlist/37i9dQZF1DXexample0001')).toBe('https://open.spotify.com/playlist/37i9dQZF1DXexample0001');
    expect(safeLinkHref('http://example.com/a')).toBe('http://example.com/a');
    expect(safeLinkHref('spotify:playlist:37i9dQZF1DXexample0001')).toBe('spotify:playlist:37i9dQZF1DXexample0001');
    for (const unsafe of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example', '4uLU6hMCjMI75M1A2tKUQC', '', null]) {
      expect(safeLinkHref(unsafe)).toBeNull();
    }
  });

  it('renders a safe link as a link that opens apart from the app', () => {
    render(<ExternalLink href="https://example.com/list">Deep Focus</ExternalLink>);
    const link = screen.getByRole('link', { name: 'Deep Focus' });
    expect(link.getAttribute('href')).toBe('https://example.com/list');
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');
  });

  it('renders an unsafe link as plain text', () => {
    render(<ExternalLink href="javascript:alert(document.cookie)">Evil list</ExternalLink>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Evil list')).toBeTruthy();
  });
});
