import * as React from 'react';
import { usePortalServices } from '../../services';
import { buildMailDocument } from './mail-document';
import { sanitiseMail } from './sanitise-mail';

/**
 * Sanitises the body and builds the frame document; remote images stay blocked until the
 * recipient asks, and then the whole body is sanitised and rendered again with them allowed.
 */
export function useMailBody(html: string, inlineImages: ReadonlyMap<string, string>) {
  const { cspNonce } = usePortalServices();
  const [allowRemoteImages, setAllowRemoteImages] = React.useState(false);
  const { srcDoc, blockedImages } = React.useMemo(() => {
    const mail = sanitiseMail(html, { allowRemoteImages, inlineImages });
    return {
      srcDoc: buildMailDocument(mail, { nonce: cspNonce, allowRemoteImages }),
      blockedImages: mail.blockedImages,
    };
  }, [html, inlineImages, allowRemoteImages, cspNonce]);
  const showImages = React.useCallback(() => setAllowRemoteImages(true), []);
  return { srcDoc, blockedImages, allowRemoteImages, showImages };
}
