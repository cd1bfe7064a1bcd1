import type * as React from 'react';
import { Caption1, Subtitle2 } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { usePortalGlobalStyles, usePortalShellStyles } from './usePortalShellStyles';

/** Page frame: a banner with the product name and the language switch, the step, a footer. */
export function PortalShell({ children }: { children: React.ReactNode }) {
  usePortalGlobalStyles();
  const styles = usePortalShellStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Subtitle2>{t('appName')}</Subtitle2>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <div className={styles.card}>{children}</div>
      </main>
      <footer className={styles.footer}>
        <Caption1>{t('footer')}</Caption1>
      </footer>
    </div>
  );
}
