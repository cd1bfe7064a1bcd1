import * as React from 'react';
import type { PersonalDataFile } from './privacy-api';

/**
 * Outlook for Mac (WKWebView) ignores downloads from an add-in: a link with `download` does
 * nothing there, without an error (OfficeDev/office-js#503, #3662). Outlook on the web and on
 * Windows save the file as a browser does. The mobile apps have no downloads either.
 */
export function canSaveFiles(platform: string): boolean {
  return !['Mac', 'iOS', 'Android'].includes(platform);
}

/**
 * Saves JSON as a file through a Blob and an object URL; returns what frees the URL again. Freeing
 * it at once can cancel the download in some browsers, so the caller frees it later.
 */
export function saveJson(doc: Document, file: PersonalDataFile): () => void {
  const url = URL.createObjectURL(new Blob([file.json], { type: 'application/json' }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  return () => URL.revokeObjectURL(url);
}

/** `saveJson` for a component: the object URLs it made are freed when it goes. */
export function useSaveJson(): (file: PersonalDataFile) => void {
  const made = React.useRef<Array<() => void>>([]);
  React.useEffect(() => {
    const urls = made.current;
    return () => {
      urls.splice(0).forEach((free) => free());
    };
  }, []);
  return React.useCallback((file: PersonalDataFile) => {
    made.current.push(saveJson(document, file));
  }, []);
}
