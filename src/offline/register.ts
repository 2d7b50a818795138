// On every page of a production build (injected by integration.ts): registers the service worker once the
// page has loaded, and tells the reader when a new deployment is ready (update-banner.ts, loaded only then).
// Keep it tiny: it counts against every page's JS budget.

const WORKER_URL = '/sw.js';
/** A tab left open checks for a new deployment when it is shown again, at most this often. */
const CHECK_EVERY_MS = 10 * 60_000;

function announce(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  // The first install has nothing to replace: the page is simply taken over.
  if (!waiting || !navigator.serviceWorker.controller) return;
  void import('./update-banner.ts').then(({ showUpdateBanner }) => showUpdateBanner(waiting));
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register(WORKER_URL, { updateViaCache: 'none' });
  // A new deployment's worker may already be installing (the browser checks on every navigation).
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') announce(registration);
    });
  announce(registration);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  let checkedAt = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checkedAt < CHECK_EVERY_MS) return;
    checkedAt = Date.now();
    registration.update().catch(() => undefined);
  });
}

if ('serviceWorker' in navigator) {
  const start = () => void register().catch((error: unknown) => console.warn('service worker', error));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
