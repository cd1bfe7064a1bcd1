/**
 * A race against the clock for the event handlers, written for the JavaScript-only runtime of
 * classic Outlook (ECMAScript 2016: no `Promise.prototype.finally`). Without a timer function
 * the work simply runs unbounded rather than failing the whole check.
 */
export function withDeadline<T, L>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  if (typeof setTimeout !== 'function') return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  return Promise.race([work, deadline]).then(
    (value) => {
      clearTimeout(timer);
      return value;
    },
    (err: unknown) => {
      clearTimeout(timer);
      throw err;
    },
  );
}
