/** For one describe block of browser tests: a SQLite service, a signed-in sender and Chromium. */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { signIn, startService, type TestService } from './service';

export interface BrowserSuite {
  svc: TestService;
  browser: Browser;
  /** The sender's bearer token. */
  token: string;
}

/** Starts them before the block's tests and closes them after; the fields are set once it started. */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  before(async () => {
    suite.svc = await startService('sqlite');
    suite.token = await signIn(suite.svc.baseUrl);
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.svc?.stop();
  });
  return suite;
}
