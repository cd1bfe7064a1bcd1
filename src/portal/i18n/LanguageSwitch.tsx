import { Button } from '@fluentui/react-components';
import { useI18n } from './I18nProvider';
import { LOCALE_NAMES, LOCALES } from './messages';

/** Offers the other language, named in that language, so a recipient finds it without reading ours. */
export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  const other = LOCALES.find((candidate) => candidate !== locale) ?? 'en';
  return (
    <Button appearance="subtle" lang={other} onClick={() => setLocale(other)}>
      {LOCALE_NAMES[other]}
    </Button>
  );
}
