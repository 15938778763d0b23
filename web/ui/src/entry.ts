import { askWhoamiEarly } from './auth/early-whoami.ts';
import { mountSignInForm } from './auth/sign-in-form.ts';
import { storedToken, storeToken, TOKEN_KEY } from './auth/token-storage.ts';
import './styles.css';

/**
 * What index.html loads. A returning visitor (a stored token) gets the app at once; a first visit
 * gets the sign-in form in plain DOM and fetches the app (React, the router, the pages) only while
 * the token is being checked, so signing in costs a few KB of JavaScript, not the app's 75.
 */
const root = document.getElementById('root')!;
let app: Promise<void> | undefined;
const startApp = () => (app ??= import('./main.tsx').then(({ mountApp }) => mountApp(root)));

const token = storedToken();
if (token) {
  // The app first: it is the largest download, and the browser opens only a few connections at once.
  void startApp();
  // Beside it: who is signed in, and the overview, the page most visits open on.
  askWhoamiEarly(token);
  if (window.location.pathname === '/') void import('./pages/overview/overview-page.tsx');
} else {
  const removeForm = mountSignInForm(root, {
    onChecking: () => void import('./main.tsx'),
    onSignedIn: (token) => {
      storeToken(token);
      removeForm();
      void startApp();
    },
  });
  // Signed in from another tab: follow it.
  window.addEventListener('storage', function follow(event) {
    if (event.key !== TOKEN_KEY || !event.newValue) return;
    window.removeEventListener('storage', follow);
    removeForm();
    void startApp();
  });
}
