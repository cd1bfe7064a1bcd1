#!/usr/bin/env node
// The embedded default: SQLite and blobs under ./data, development outboxes for SMS and e-mail,
// and the local development sign-in. Anything set in the environment still wins.
// When the Office development certificate exists, the add-in is also served on
// https://localhost:3000 for sideloading into Outlook.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

process.env.SEALPOST_DEV_SIGN_IN ??= 'true';
process.env.NODE_ENV ??= 'development';

const certDir = join(homedir(), '.office-addin-dev-certs');
const cert = join(certDir, 'localhost.crt');
const key = join(certDir, 'localhost.key');
if (!process.env.SEALPOST_TLS_CERT_FILE && existsSync(cert) && existsSync(key)) {
  process.env.SEALPOST_TLS_CERT_FILE = cert;
  process.env.SEALPOST_TLS_KEY_FILE = key;
} else if (!process.env.SEALPOST_TLS_CERT_FILE) {
  console.warn('To sideload the add-in into Outlook, run "npx office-addin-dev-certs install" once and start again:');
  console.warn('the add-in is then also served on https://localhost:3000 (see docs/deployment.md).');
}
// `npm start` runs the compiled service; `npm run dev` runs the sources through tsx.
// V8's heap sizes (package.json's start script: --max-semi-space-size, --heap-growing-percent) are
// on the node command line: V8 sizes its heap before this file runs, so they cannot be set here.
await import(process.argv.includes('--dev') ? '../src/server/main.ts' : '../dist/server/main.js');
