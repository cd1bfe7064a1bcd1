import * as React from 'react';
import { ConfirmBar } from '../../components/ConfirmBar';
import { useI18n } from '../../i18n/I18nProvider';

export interface RevokeConfirmProps {
  /** Resolves true when revoked; otherwise the confirmation stays and says it failed. */
  onConfirm: () => Promise<boolean>;
  onCancel: () => void;
}

/** Revoking cannot be undone, so it asks first, in place under the message. */
export function RevokeConfirm({ onConfirm, onCancel }: RevokeConfirmProps) {
  const { t } = useI18n();
  const [state, setState] = React.useState<'idle' | 'busy' | 'failed'>('idle');
  const confirm = async () => {
    setState('busy');
    if (!(await onConfirm())) setState('failed');
  };
  return (
    <ConfirmBar
      title={t('revokeTitle')}
      confirmLabel={t('revoke')}
      failure={state === 'failed' ? t('revokeFailed') : null}
      busy={state === 'busy'}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      {t('revokeBody')}
    </ConfirmBar>
  );
}
