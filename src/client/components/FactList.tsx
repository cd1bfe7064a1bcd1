import * as React from 'react';

/** A label (already translated) and its value. */
export type Fact = readonly [label: string, value: React.ReactNode];

/**
 * Label and value pairs as a description list, which screen readers announce as such. Each app
 * lays it out in its own classes: the pane in a narrow column, the portal in a wide page.
 */
export function FactList({ facts, classes }: { facts: readonly Fact[]; classes: { list: string; term: string; value: string } }) {
  return (
    <dl className={classes.list}>
      {facts.map(([label, value]) => (
        <React.Fragment key={label}>
          <dt className={classes.term}>{label}</dt>
          <dd className={classes.value}>{value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
