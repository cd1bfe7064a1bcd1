import { Body1 } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { StepHeading } from './StepHeading';
import { useStepStyles } from './useStepStyles';

/**
 * The one page for every way a link can fail before verification: unknown, expired, revoked,
 * purged, or a missing or malformed fragment. Saying which would tell someone probing links more
 * than the recipient needs to know.
 */
export function UnavailablePage() {
  const { t } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('unavailableTitle')}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>{t('unavailableBody')}</Body1>
    </section>
  );
}
