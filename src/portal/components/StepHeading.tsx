import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { useStepStyles } from './useStepStyles';

export interface StepHeadingProps {
  children: React.ReactNode;
}

/**
 * The heading of a step. It takes focus when the step appears, so that keyboard and screen-reader
 * users land at the start of the new content instead of on a button that no longer exists.
 * `tabIndex={-1}` makes it focusable by script without adding it to the tab order.
 */
export function StepHeading({ children }: StepHeadingProps) {
  const ref = React.useRef<HTMLHeadingElement>(null);
  const styles = useStepStyles();
  // A layout effect: focus lands in the same commit that shows the step, before anything paints.
  React.useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Text as="h1" block size={700} weight="semibold" className={styles.heading} ref={ref} tabIndex={-1}>
      {children}
    </Text>
  );
}
