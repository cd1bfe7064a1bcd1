import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';

export interface ConfirmBarProps {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  /** Shown instead of the explanation after a failed attempt; the confirmation then stays. */
  failure?: string | null;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before something that cannot be undone: in place rather than in a dialog that would crowd
 * the narrow pane, as revoking a message does. Focus starts on the harmless choice.
 */
export function ConfirmBar({ title, children, confirmLabel, failure, busy, onConfirm, onCancel }: ConfirmBarProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent={failure ? 'error' : 'warning'} layout="multiline" role="alertdialog" aria-label={title}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {failure ?? children}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={onConfirm} disabledFocusable={busy}>
          {confirmLabel}
        </Button>
        <Button size="small" onClick={onCancel} autoFocus>
          {t('cancel')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
