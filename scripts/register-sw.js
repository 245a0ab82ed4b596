
// Appended by scripts/post-build.mjs: registers the service worker and tells the app (an
// `thidua-update` event) when a newer version is installed and waiting. The app shows a notice;
// `window.thiduaApplyUpdate()` activates the new version and reloads, only when the person asks.
if ('serviceWorker' in navigator) {
  const announce = (worker) => {
    window.thiduaWaitingWorker = worker;
    dispatchEvent(new CustomEvent('thidua-update'));
  };
  window.thiduaApplyUpdate = () => {
    const worker = window.thiduaWaitingWorker;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('thidua-activate');
  };
  // Registered once the first frame is painted and the page is idle: the worker's install
  // downloads and stores every file, which on a 2-core machine competed with the first layout
  // (BENCHMARKS.md § 4). The first visit works without it; only the offline copy waits.
  const afterFirstPaint = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const whenIdle = () => new Promise((resolve) => (window.requestIdleCallback
    ? requestIdleCallback(() => resolve(), { timeout: 2000 })
    : setTimeout(resolve, 200)));
  afterFirstPaint.then(whenIdle).then(() => navigator.serviceWorker.register('./sw.js')).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
    // Look for a new deployment when the tab comes back, and every 30 minutes.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
    setInterval(() => registration.update().catch(() => {}), 30 * 60 * 1000);
  }).catch(() => {});
}
