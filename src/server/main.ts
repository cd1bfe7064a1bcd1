/** Starts the service: configuration first, so a bad deployment fails before it listens. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { loadConfigOrExit } from './config';
import { buildApp } from './app';

async function main() {
  const config = loadConfigOrExit();
  const { app, close } = await buildApp(config);
  let tlsServer: Server | null = null;
  const stop = async () => {
    tlsServer?.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: config.host, port: config.port });
  if (config.tls) {
    // The same routes over https, for Outlook (which loads add-ins over https only).
    tlsServer = createServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, (req, res) => app.routing(req, res));
    await new Promise<void>((resolve) => tlsServer!.listen(config.tls!.port, config.host, resolve));
    app.log.info(`The add-in is served on ${config.addinUrl}; sideload ${config.addinUrl}/manifest.xml`);
  }
  app.log.info(
    { database: config.database.engine, blobs: config.blobs.kind, sms: config.notify.sms.kind, mail: config.notify.mail.kind, devSignIn: config.devSignIn },
    `Sealpost is listening on ${config.publicUrl}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
