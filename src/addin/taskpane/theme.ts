import * as React from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-components';

const DARK = '(prefers-color-scheme: dark)';

let darkTheme: Theme | null = null;

/** Fluent's dark theme, loaded on first need (`index.tsx` waits for it when the pane starts dark). */
export function loadDarkTheme(): Promise<Theme> {
  return import(/* webpackChunkName: "theme-dark" */ './theme-dark').then((m) => (darkTheme = m.webDarkTheme));
}

export function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK).matches;
}

/**
 * Light or dark as the system is. Outlook's own theme (`Office.context.officeTheme`) is not part
 * of the adapter contract; Outlook on the web and new Outlook pass their mode on as the
 * colour-scheme preference of the pane's frame, which this follows live. Until the dark theme has
 * arrived the pane stays light.
 */
export function usePreferredTheme(): Theme {
  const query = React.useMemo(() => (typeof window.matchMedia === 'function' ? window.matchMedia(DARK) : null), []);
  const [dark, setDark] = React.useState(query?.matches ?? false);
  const [loadedDark, setLoadedDark] = React.useState(darkTheme);
  React.useEffect(() => {
    if (!query) return;
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  React.useEffect(() => {
    if (!dark || loadedDark) return;
    let live = true;
    loadDarkTheme().then(
      (theme) => live && setLoadedDark(theme),
      () => undefined, // Light it stays.
    );
    return () => {
      live = false;
    };
  }, [dark, loadedDark]);
  return dark && loadedDark ? loadedDark : webLightTheme;
}
