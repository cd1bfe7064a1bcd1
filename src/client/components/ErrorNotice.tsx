import type * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface ErrorNoticeProps {
  title?: string;
  children: React.ReactNode;
  /** `alert` interrupts the screen reader; use it for errors the reader must act on. */
  role?: 'alert' | 'status';
  intent?: 'error' | 'warning' | 'info' | 'success';
  action?: React.ReactNode;
}

/**
 * A message bar that is announced when it appears, in the portal and in the task pane. Multiline
 * layout needs no ResizeObserver.
 */
export function ErrorNotice({ title, children, role = 'alert', intent = 'error', action }: ErrorNoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline" role={role}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {action}
    </MessageBar>
  );
}
