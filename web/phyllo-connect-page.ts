import { Router } from 'express';
import { CONNECT_PAGE_PATH } from '../tools/creators/phyllo/phyllo-services.ts';
import { connectEnvironment, phylloSettings } from '../tools/creators/phyllo/phyllo-settings.ts';

/** Phyllo's hosted web SDK (Phyllo Connect v2). */
export const PHYLLO_CONNECT_SCRIPT = 'https://cdn.getphyllo.com/connect/v2/phyllo-connect.js';

/**
 * GET /connect/phyllo: the page a creator opens from connect_creator_platform's link. It loads
 * Phyllo Connect with the SDK token and user from the link (read in the browser, never echoed into
 * the HTML, then dropped from the address bar), opens it on the asked network when one was given,
 * and says how it went. It marks nothing connected: Phyllo's webhook does that.
 */
export function phylloConnectPage() {
  const router = Router();
  router.get(CONNECT_PAGE_PATH, (_request, response) => {
    const environment = connectEnvironment(phylloSettings().apiUrl);
    response
      .status(200)
      .set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' })
      .type('html')
      .send(connectPageHtml(environment));
  });
  return router;
}

export function connectPageHtml(environment: 'sandbox' | 'staging' | 'production'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect your accounts · Crescendo</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.6rem 1.2rem}</style>
<script src="${PHYLLO_CONNECT_SCRIPT}"></script>
</head>
<body>
<h1>Connect your accounts</h1>
<p id="status">Opening Phyllo Connect…</p>
<p><button id="open" type="button" hidden>Open again</button></p>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var token = params.get('token'), userId = params.get('user_id'), workPlatformId = params.get('work_platform_id');
  var status = document.getElementById('status'), again = document.getElementById('open');
  history.replaceState(null, '', location.pathname);
  function say(text) { status.textContent = text; }
  if (!token || !userId) { say('This link is incomplete. Ask for a new one.'); return; }
  if (!window.PhylloConnect) { say('Phyllo Connect could not be loaded. Check your connection and reload the link.'); return; }
  var config = { clientDisplayName: 'Crescendo', environment: ${JSON.stringify(environment)}, userId: userId, token: token };
  if (workPlatformId) config.workPlatformId = workPlatformId;
  var connect = window.PhylloConnect.initialize(config);
  connect.on('accountConnected', function () { say('Connected. Your figures will appear in Crescendo within a few minutes; you can connect another account or close this page.'); again.hidden = false; });
  connect.on('accountDisconnected', function () { say('The account was disconnected.'); again.hidden = false; });
  connect.on('tokenExpired', function () { say('This link has expired. Ask for a new one.'); });
  connect.on('exit', function () { say('Phyllo Connect was closed.'); again.hidden = false; });
  connect.on('connectionFailure', function () { say('The connection failed. Try again, or ask for a new link.'); again.hidden = false; });
  again.addEventListener('click', function () { connect.open(); });
  connect.open();
})();
</script>
</body>
</html>`;
}
