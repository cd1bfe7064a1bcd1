/**
 * The DOM for both clients' component tests, made whole before any UI library is loaded: the
 * first import of each app's `test-support.tsx`, so that it runs before Fluent and tabster are
 * evaluated.
 *
 * global-jsdom leaves globals that Node already has (Event, CustomEvent) as Node's own; Fluent's
 * focus tracking dispatches `new CustomEvent(...)` on DOM nodes, which jsdom accepts only from its
 * own window. tabster's event classes (the Dialog's focus trap) extend `CustomEvent` when their
 * module loads, hence before anything else. Nothing else changes.
 */
import 'global-jsdom/register';

for (const name of ['Event', 'CustomEvent', 'EventTarget', 'FocusEvent'] as const) {
  Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
}
