import { Body1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { RecipientRowView } from './RecipientRowView';
import type { useRecipients } from './useRecipients';

export interface RecipientsPanelProps {
  recipients: ReturnType<typeof useRecipients>;
  privacyUrl: string;
}

export function RecipientsPanel({ recipients, privacyUrl }: RecipientsPanelProps) {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const { loading, failed, rows, showErrors, setMethod, setPhone, touchPhone } = recipients;
  return (
    <section className={styles.section} aria-labelledby="recipients-title">
      <Subtitle2 as="h2" id="recipients-title" className={styles.heading}>
        {t('recipientsTitle')}
      </Subtitle2>
      {loading ? <Spinner size="tiny" label={t('loading')} /> : null}
      {failed ? <ErrorNotice>{t('recipientsError')}</ErrorNotice> : null}
      {!loading && !failed && rows.length === 0 ? <Body1 className={styles.muted}>{t('recipientsNone')}</Body1> : null}
      {rows.length > 0 ? (
        <ul className={styles.list}>
          {rows.map((row) => (
            <RecipientRowView
              key={row.key}
              row={row}
              showErrors={showErrors}
              privacyUrl={privacyUrl}
              onMethod={setMethod}
              onPhone={setPhone}
              onPhoneBlur={touchPhone}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
