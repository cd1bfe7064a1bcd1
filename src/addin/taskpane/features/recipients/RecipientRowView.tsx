import { Caption1, Field, Input, Link, Select, Text } from '@fluentui/react-components';
import type { VerificationMethod } from '../../../../shared/protocol/api';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { PHONE_ERRORS, type RecipientRow } from './recipient-rows';
import { useRecipientStyles } from './useRecipientStyles';

const FIELDS: Record<RecipientRow['field'], MessageKey> = { to: 'fieldTo', cc: 'fieldCc', bcc: 'fieldBcc' };
const METHOD_HINTS: Partial<Record<VerificationMethod, MessageKey>> = { access_code: 'methodAccessCodeHint', email: 'methodEmailHint' };

export interface RecipientRowViewProps {
  row: RecipientRow;
  showErrors: boolean;
  privacyUrl: string;
  onMethod: (row: RecipientRow, method: VerificationMethod) => void;
  onPhone: (row: RecipientRow, phone: string) => void;
  onPhoneBlur: (row: RecipientRow) => void;
}

export function RecipientRowView({ row, showErrors, privacyUrl, onMethod, onPhone, onPhoneBlur }: RecipientRowViewProps) {
  const { t } = useI18n();
  const styles = useRecipientStyles();
  const check = row.phoneCheck;
  const phoneError = check && !check.ok && (row.touched || showErrors) ? t(PHONE_ERRORS[check.reason]) : undefined;
  const hint = METHOD_HINTS[row.method];
  return (
    <li className={styles.row}>
      <div className={styles.who}>
        <Text weight="semibold">{row.name}</Text>
        <Caption1 className={styles.address}>
          {t(FIELDS[row.field])}: {row.email}
        </Caption1>
      </div>
      {!row.email ? (
        <ErrorNotice role={showErrors ? 'alert' : 'status'} intent={showErrors ? 'error' : 'warning'}>
          {t('recipientNoAddress', { name: row.name })}
        </ErrorNotice>
      ) : (
        <>
          <Field label={t('methodLabel', { name: row.name })} hint={hint ? t(hint) : undefined}>
            <Select value={row.method} onChange={(_, data) => onMethod(row, data.value as VerificationMethod)}>
              <option value="sms">{t('methodSms')}</option>
              <option value="access_code">{t('methodAccessCode')}</option>
              <option value="email">{t('methodEmail')}</option>
            </Select>
          </Field>
          {row.method === 'sms' ? (
            <>
              <Field
                label={t('phoneLabel', { name: row.name })}
                required
                hint={t('phoneHint')}
                validationState={phoneError ? 'error' : check?.ok ? 'success' : 'none'}
                validationMessage={phoneError ?? (check?.ok ? t('phoneNormalised', { number: check.e164 }) : undefined)}
              >
                <Input
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  value={row.phone}
                  onChange={(_, data) => onPhone(row, data.value)}
                  onBlur={() => onPhoneBlur(row)}
                />
              </Field>
              {/* The privacy notice sits where the number is asked, as the design requires. */}
              <Caption1 className={styles.privacy}>
                {t('phonePrivacy', { name: row.name })}{' '}
                <Link href={privacyUrl} target="_blank" rel="noopener noreferrer">
                  {t('privacyLink')}
                </Link>
              </Caption1>
            </>
          ) : null}
        </>
      )}
    </li>
  );
}
