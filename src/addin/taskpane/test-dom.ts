/**
 * For tests: global-jsdom leaves globals that Node already has (Event, CustomEvent) as Node's
 * own, but jsdom dispatches only its own events. Tabster (Fluent's focus management) captures
 * `CustomEvent` when its module loads, so this must run before anything imports Fluent: it is
 * the first import of `test-support.tsx`.
 */
for (const name of ['Event', 'CustomEvent', 'EventTarget', 'FocusEvent'] as const) {
  Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
}
