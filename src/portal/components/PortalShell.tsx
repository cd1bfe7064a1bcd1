import type * as React from 'react';
import { Caption1, Link, Subtitle2 } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { PortalPage } from '../route';
import { usePortalGlobalStyles, usePortalShellStyles } from './usePortalShellStyles';

/** Page frame: a banner with the product name and the language switch, the step, a footer. */
export function PortalShell({ page = 'message', children }: { page?: PortalPage; children: React.ReactNode }) {
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
        {page === 'message' ? <Caption1 block>{t('footer')}</Caption1> : null}
        {/* New tabs: both pages hold what they need in memory only (a key, a session). */}
        <Caption1 block>
          {page === 'message' ? (
            <Link href="/my-data" target="_blank" rel="noopener noreferrer">
              {t('yourDataLink')}
            </Link>
          ) : (
            <Link href="/privacy" target="_blank" rel="noopener noreferrer">
              {t('privacyLink')}
            </Link>
          )}
        </Caption1>
      </footer>
    </div>
  );
}
