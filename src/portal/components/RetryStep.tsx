import type * as React from 'react';
import { Button, MessageBarActions } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from './ErrorNotice';
import { StepHeading } from './StepHeading';
import { useStepStyles } from './useStepStyles';

export interface RetryStepProps {
  title: string;
  /** Why it failed. */
  children: React.ReactNode;
  onRetry: () => void;
}

/** A step that could not be loaded for a passing reason (network, service): what failed, why, and "Try again". */
export function RetryStep({ title, children, onRetry }: RetryStepProps) {
  const { t } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{title}</StepHeading>
      <ErrorNotice
        action={
          <MessageBarActions>
            <Button onClick={onRetry}>{t('retry')}</Button>
          </MessageBarActions>
        }
      >
        {children}
      </ErrorNotice>
    </section>
  );
}
