/**
 * The first screen's notices (service unreachable, sign-in errors, a part of the pane that failed
 * to load), drawn with Fluent's tokens but without Fluent's MessageBar, which would add about 5 KB
 * gzip to what the pane runs before its first render. The same role, words and buttons.
 */
import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { paneLayout } from './pane-layout';

export interface PaneNoticeProps {
  children: React.ReactNode;
  /** `alert` interrupts the screen reader; use it for errors the sender must act on. */
  role?: 'alert' | 'status';
  intent?: 'error' | 'warning';
  /** Buttons shown with the notice. */
  actions?: React.ReactNode;
}

const COLOURS = {
  error: { backgroundColor: tokens.colorStatusDangerBackground1, borderColor: tokens.colorStatusDangerBorder1 },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, borderColor: tokens.colorStatusWarningBorder1 },
} as const;

export function PaneNotice({ children, role = 'alert', intent = 'error', actions }: PaneNoticeProps) {
  return (
    <div
      role={role}
      style={{
        ...paneLayout.section,
        ...COLOURS[intent],
        borderWidth: tokens.strokeWidthThin,
        borderStyle: 'solid',
        borderRadius: tokens.borderRadiusMedium,
        padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      }}
    >
      <div>{children}</div>
      {actions ? <div style={paneLayout.actions}>{actions}</div> : null}
    </div>
  );
}
