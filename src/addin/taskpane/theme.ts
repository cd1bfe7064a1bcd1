import * as React from 'react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

const DARK = '(prefers-color-scheme: dark)';

/**
 * Light or dark as the system is. Outlook's own theme (`Office.context.officeTheme`) is not part
 * of the adapter contract; Outlook on the web and new Outlook pass their mode on as the
 * colour-scheme preference of the pane's frame, which this follows live.
 */
export function usePreferredTheme(): Theme {
  const query = React.useMemo(() => (typeof window.matchMedia === 'function' ? window.matchMedia(DARK) : null), []);
  const [dark, setDark] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return;
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark ? webDarkTheme : webLightTheme;
}
