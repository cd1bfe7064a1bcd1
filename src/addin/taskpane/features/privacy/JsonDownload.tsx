import * as React from 'react';
import { Body1, Button, Caption1, Field, Textarea } from '@fluentui/react-components';
import type { ErrorBody, Result } from '../../../../shared/errors';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePrivacyI18n as useI18n } from './texts';
import { useTaskpaneServices } from '../../services';
import { errorText } from './error-text';
import type { PersonalDataFile } from './privacy-api';
import { canSaveFiles, useSaveJson } from './save-json';
import { usePrivacyStyles } from './usePrivacyStyles';

export interface JsonDownloadProps {
  /** The file, or null when the sign-in ended on the way. */
  getFile: () => Promise<Result<PersonalDataFile> | null>;
}

/**
 * "Download as JSON". Where Outlook cannot save files from an add-in (Outlook for Mac), it says so
 * and shows the same JSON as text to select and copy instead.
 */
export function JsonDownload({ getFile }: JsonDownloadProps) {
  const { t } = useI18n();
  const styles = usePrivacyStyles();
  const { office } = useTaskpaneServices();
  const save = useSaveJson();
  const [canSave] = React.useState(() => canSaveFiles(office.hostInfo().platform));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ErrorBody | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);
  const [shown, setShown] = React.useState<PersonalDataFile | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await getFile();
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setError(result.error);
    if (!canSave) return setShown(result.data);
    save(result.data);
    setSaved(result.data.fileName);
  };

  return (
    <>
      <div>
        <Button onClick={() => void download()} disabledFocusable={busy}>
          {t(canSave ? 'privacyDownloadJson' : 'privacyShowJson')}
        </Button>
      </div>
      {!canSave ? <Caption1 className={styles.muted}>{t('privacyNoDownloadsHere')}</Caption1> : null}
      {saved ? <Body1 role="status">{t('privacyDownloadStarted', { file: saved })}</Body1> : null}
      {error ? <ErrorNotice title={t('privacyExportFailed')}>{t(errorText(error))}</ErrorNotice> : null}
      {shown ? (
        <Field label={t('privacyJsonLabel', { file: shown.fileName })}>
          <Textarea readOnly resize="vertical" value={shown.json} textarea={{ className: styles.json }} />
        </Field>
      ) : null}
    </>
  );
}
