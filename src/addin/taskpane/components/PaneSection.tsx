import type * as React from 'react';
import { Button, Subtitle2 } from '@fluentui/react-components';
import { usePaneStyles } from './usePaneStyles';

export interface PaneSectionProps {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  /** The one button beside the heading, e.g. "Refresh". */
  action: { label: string; onClick: () => void };
  children?: React.ReactNode;
}

/** A section of the pane after sign-in: a heading with its button, then the content. */
export function PaneSection({ id, title, action, children }: PaneSectionProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={id} className={styles.heading}>
          {title}
        </Subtitle2>
        <Button size="small" appearance="subtle" onClick={action.onClick}>
          {action.label}
        </Button>
      </div>
      {children}
    </section>
  );
}
