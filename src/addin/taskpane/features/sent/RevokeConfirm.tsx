import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nProvider';

export interface RevokeConfirmProps {
  /** Resolves true when revoked; otherwise the confirmation stays and says it failed. */
  onConfirm: () => Promise<boolean>;
  onCancel: () => void;
}

/**
 * Revoking cannot be undone, so it asks first: in place, under the message, rather than in a
 * dialog that would crowd the narrow pane. Focus starts on the harmless choice.
 */
export function RevokeConfirm({ onConfirm, onCancel }: RevokeConfirmProps) {
  const { t } = useI18n();
  const [state, setState] = React.useState<'idle' | 'busy' | 'failed'>('idle');
  const confirm = async () => {
    setState('busy');
    if (!(await onConfirm())) setState('failed');
  };
  return (
    <MessageBar intent={state === 'failed' ? 'error' : 'warning'} layout="multiline" role="alertdialog" aria-label={t('revokeTitle')}>
      <MessageBarBody>
        <MessageBarTitle>{t('revokeTitle')}</MessageBarTitle>
        {state === 'failed' ? t('revokeFailed') : t('revokeBody')}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={() => void confirm()} disabledFocusable={state === 'busy'}>
          {t('revoke')}
        </Button>
        <Button size="small" onClick={onCancel} autoFocus>
          {t('cancel')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
