#!/usr/bin/env node
// The embedded default: SQLite and blobs under ./data, development outboxes for SMS and e-mail,
// and the local development sign-in. Anything set in the environment still wins.
process.env.SEALPOST_DEV_SIGN_IN ??= 'true';
process.env.NODE_ENV ??= 'development';
await import('../src/server/main.ts');
