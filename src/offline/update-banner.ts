// "A new version is available — Reload": shown by register.ts when a new deployment's service worker has
// installed while this page runs on the previous one. Reload lets the new worker take over, then reloads.
// Its styles are in update-banner.css, on every page (a stylesheet loaded with this module would be dropped).
import { langOfUrlPath } from '../site/locales.ts';
import { offlineStrings } from './strings.ts';

export function showUpdateBanner(waiting: ServiceWorker): void {
  if (document.querySelector('[data-offline="update"]')) return;
  const strings = offlineStrings[langOfUrlPath(location.pathname)];
  const banner = document.createElement('div');
  banner.className = 'vl-update not-content';
  banner.dataset.offline = 'update';
  banner.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = strings.updateReady;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.dataset.primary = '';
  reload.textContent = strings.reload;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = strings.dismiss;
  reload.addEventListener('click', () => {
    reload.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  });
  dismiss.addEventListener('click', () => banner.remove());
  banner.append(text, reload, dismiss);
  document.body.append(banner);
}
