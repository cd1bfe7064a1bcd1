import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { PaneNotice } from './PaneNotice';

export interface LoadErrorBoundaryProps {
  message: string;
  retryLabel: string;
  children: React.ReactNode;
}

/**
 * A part of the pane that is loaded on demand can fail to arrive (the connection dropped, the
 * service was redeployed). Without this the whole pane would go blank; with it, the sender
 * reads what happened and can load the pane again.
 */
export class LoadErrorBoundary extends React.Component<LoadErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <PaneNotice actions={<Button onClick={() => window.location.reload()}>{this.props.retryLabel}</Button>}>{this.props.message}</PaneNotice>;
  }
}
