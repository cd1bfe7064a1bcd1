/**
 * Runs `task` once the pane is idle (after the first screen has been painted, when the browser
 * has nothing more urgent), or after `timeoutMs` at the latest. WKWebView (Outlook on Mac) has no
 * requestIdleCallback before Safari 18: there a plain timer stands in. Returns a cancel function,
 * so it can be the return value of an effect.
 */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, Math.min(timeoutMs, 200));
  return () => window.clearTimeout(handle);
}
