import * as React from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import type { Notice } from '../verify/verify-errors';
import type { EraseResult, SessionEnding } from './usePersonalData';
import { useMyDataStyles } from './useMyDataStyles';

export interface EraseDialogProps {
  busy: boolean;
  onErase: () => Promise<EraseResult | null>;
  /** Called once the dialog has closed after the erasure (or after finding the session over). */
  onEnded: (ending: SessionEnding) => void;
}

/**
 * Erasure cannot be undone and cuts the person off from their messages, so it is asked for twice:
 * the button opens an alert dialog that says so, and only its own button erases. Cancel comes first
 * and so takes the focus when the dialog opens.
 *
 * When the session is over, the dialog closes first and the page moves on only once the focus is
 * back on the button: a modal unmounted while open (or together with its closing) leaves the rest
 * of the page `aria-hidden`, that is empty for screen readers.
 */
export function EraseDialog({ busy, onErase, onEnded }: EraseDialogProps) {
  const { t } = useI18n();
  const styles = useMyDataStyles();
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<Notice | null>(null);
  const ending = React.useRef<SessionEnding | null>(null);
  const button = React.useRef<HTMLButtonElement>(null);

  // The dialog gives the focus back to its button once closed, and only then has its focus trap
  // let go of the page: that is when the page may move on. Should the focus not come back by
  // itself once the dialog is gone, the button takes it, to the same effect.
  const onClosed = () => {
    if (ending.current && document.activeElement !== button.current) button.current?.focus();
  };
  const onFocusBack = () => {
    const next = ending.current;
    ending.current = null;
    if (next) setTimeout(() => onEnded(next), 0);
  };

  const erase = async () => {
    setError(null);
    const result = await onErase();
    if (!result) return;
    if ('notice' in result) return setError(result.notice);
    ending.current = result.ending;
    setOpen(false);
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        setError(null);
      }}
      surfaceMotion={{
        onMotionFinish: (_, { direction }) => {
          if (direction === 'exit') onClosed();
        },
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button ref={button} onFocus={onFocusBack}>
          {t('myDataErase')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('myDataEraseTitle')}</DialogTitle>
          <DialogContent className={styles.section}>
            <Body1 as="p" block className={styles.heading}>
              {t('myDataEraseWarning')}
            </Body1>
            <Body1 as="p" block className={styles.heading}>
              {t('myDataEraseSenders')}
            </Body1>
            {error ? <ErrorNotice>{t(error.key, error.vars)}</ErrorNotice> : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void erase()}>
              {t('myDataEraseConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
