/** Starts the service: configuration first, so a bad deployment fails before it listens. */
import { ConfigError, loadConfig } from './config';
import { buildApp } from './app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { app, close } = await buildApp(config);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: config.database.engine, blobs: config.blobs.kind, sms: config.notify.sms.kind, mail: config.notify.mail.kind, devSignIn: config.devSignIn },
    `Sealpost is listening on ${config.publicUrl}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
