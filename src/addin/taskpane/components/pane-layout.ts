import type { CSSProperties } from 'react';
import { tokens } from '@fluentui/react-components';

/**
 * The pane's frame and the layout every feature section shares, as plain style objects. The first
 * screen (frame, sign-in, loading and error states) applies them as inline styles, so the pane's
 * initial bundle carries no run-time CSS compiler (Griffel's makeStyles brings stylis and
 * rtl-css-js); the screens after sign-in get classes made of the same objects (`usePaneStyles`).
 * Only longhand-safe properties that mean the same to React and to Griffel belong here.
 */
export const paneLayout = {
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  list: {
    listStyleType: 'none',
    margin: '0',
    padding: '0',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: '0' },
} satisfies Record<string, CSSProperties>;
