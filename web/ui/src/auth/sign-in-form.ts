import { ApiError } from '../api/api-error.ts';
import { createApiClient } from '../api/client.ts';

export const SESSION_ENDED = 'Your session ended: the token was revoked or expired. Sign in again.';
const EMPTY = 'Enter an API token. `crescendo start` prints one for the demo; `crescendo token create` makes more.';
const REFUSED = 'That token is unknown, revoked or expired. Check it and try again.';

type Children = ReadonlyArray<Node | string>;

function element<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Record<string, string>, children: Children = []): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function brand(): HTMLElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 16 16', width: '28', height: '28', 'aria-hidden': 'true' })) svg.setAttribute(name, value);
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M1 15 15 3v12z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return element('div', { class: 'brand brand-large' }, [svg, element('span', {}, ['Crescendo'])]);
}

/**
 * The sign-in page, in plain DOM: it is what a first visit shows, so it must not wait for React,
 * the router or any page (about 2 KB instead of the app's 75). It checks the token with `whoami`
 * before keeping it, so a typo is reported here, not on every page. `onChecking` lets the caller
 * start fetching the app while the check runs. Returns a function that removes the form.
 */
export function mountSignInForm(container: HTMLElement, { message, onChecking, onSignedIn }: {
  message?: string;
  onChecking?(): void;
  onSignedIn(token: string): void;
}): () => void {
  const input = element('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', spellcheck: 'false', 'aria-describedby': 'token-error',
  });
  const error = element('p', { id: 'token-error', class: 'field-error', role: 'alert' });
  const button = element('button', { type: 'submit', class: 'button button-primary' }, ['Sign in']);
  const form = element('form', { class: 'sign-in-card', novalidate: '' }, [
    brand(),
    element('h1', {}, ['Sign in']),
    element('p', { class: 'muted' }, ['Use the API token ', element('code', {}, ['crescendo start']), ' printed, or one from ', element('code', {}, ['crescendo token create']), '.']),
    element('label', { for: 'token' }, ['API token']),
    input,
    error,
    button,
  ]);
  const page = element('main', { class: 'sign-in', id: 'main' }, [form]);

  const showError = (text: string | null) => {
    error.textContent = text ?? '';
    error.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  showError(message ?? null);

  let removed = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    if (!candidate) return showError(EMPTY);
    showError(null);
    button.disabled = true;
    button.textContent = 'Checking…';
    onChecking?.();
    createApiClient(candidate, () => undefined).callTool('whoami', {}).then(
      () => {
        if (!removed) onSignedIn(candidate);
      },
      (failure: unknown) => {
        if (removed) return;
        showError(failure instanceof ApiError && failure.isUnauthenticated ? REFUSED : failure instanceof Error ? failure.message : String(failure));
        button.disabled = false;
        button.textContent = 'Sign in';
      },
    );
  });

  container.append(page);
  input.focus();
  return () => {
    removed = true;
    page.remove();
  };
}
