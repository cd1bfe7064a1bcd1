import * as React from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import type { RectifyRequest } from '../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import type { Notice } from '../verify/verify-errors';
import { useVerifyStyles } from '../verify/useVerifyStyles';

export type CorrectionField = 'name' | 'phone';

export interface CorrectionFormProps {
  field: CorrectionField;
  initial: string;
  busy: boolean;
  /** Resolves to a notice when refused, or null when done (the form then closes). */
  onSubmit: (change: RectifyRequest) => Promise<Notice | null>;
  onClose: () => void;
}

const TEXTS = {
  name: { label: 'myDataNewName', hint: 'myDataNewNameHint', invalid: 'nameRequired' },
  phone: { label: 'myDataNewPhone', hint: 'myDataNewPhoneHint', invalid: 'phoneInvalid' },
} as const;

// The service's own limits (RectifyRequest); it validates the number properly.
const VALID: Record<CorrectionField, (value: string) => boolean> = {
  name: (value) => value.length >= 1 && value.length <= 200,
  phone: (value) => value.length >= 6 && value.length <= 32,
};

/** One corrected value: the name (applied at once) or a mobile number (checked by the sender first). */
export function CorrectionForm({ field, initial, busy, onSubmit, onClose }: CorrectionFormProps) {
  const { t } = useI18n();
  const styles = useVerifyStyles();
  const [value, setValue] = React.useState(initial);
  const [error, setError] = React.useState<Notice | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const texts = TEXTS[field];

  React.useLayoutEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async () => {
    const trimmed = value.trim();
    if (!VALID[field](trimmed)) return setError({ key: texts.invalid });
    setError(null);
    const refused = await onSubmit(field === 'name' ? { name: trimmed } : { phone: trimmed });
    if (refused) setError(refused);
    else onClose();
  };

  return (
    <SubmitForm className={styles.form} onSubmit={() => submit()}>
      <Field className={styles.field} label={t(texts.label)} hint={t(texts.hint)}>
        <Input
          ref={input}
          name={field === 'name' ? 'name' : 'tel'}
          type={field === 'name' ? 'text' : 'tel'}
          autoComplete={field === 'name' ? 'name' : 'tel'}
          value={value}
          onChange={(_, data) => setValue(data.value)}
        />
      </Field>
      {error ? <ErrorNotice>{t(error.key, error.vars)}</ErrorNotice> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('save')}
        </Button>
        <Button type="button" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
    </SubmitForm>
  );
}
