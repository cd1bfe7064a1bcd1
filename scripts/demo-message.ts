/**
 * Creates a demo secure message on a running Sealpost (the embedded default) and prints its link.
 *   npm run demo                 # against http://localhost:8080
 *   npm run demo -- http://host:port
 */
import { sendSecure } from '../src/shared/protocol/sender-client';

const baseUrl = (process.argv[2] ?? process.env.SEALPOST_PUBLIC_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

async function main() {
  const signIn = await fetch(`${baseUrl}/api/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo.sender@sealpost.test', name: 'Demo Sender', organisation: 'Sealpost demo' }),
  }).catch(() => null);
  if (!signIn?.ok) {
    console.error(`Could not sign in at ${baseUrl}. Is the service running (npm start) with the development sign-in on?`);
    process.exit(1);
  }
  const { token } = (await signIn.json()) as { token: string };
  const attachment = new TextEncoder().encode('Dit is een versleutelde bijlage.\nThis is an encrypted attachment.\n');
  const sent = await sendSecure(
    { baseUrl, token },
    {
      subject: 'Demo: uw uitslag / your results',
      html: '<h2>Welkom bij Sealpost</h2><p>Dit bericht is in de browser van de afzender versleuteld.</p><p>This message was encrypted in the sender\'s browser and is decrypted in yours.</p><p><img src="https://example.org/tracker.png" alt="remote image"></p>',
      from: { name: 'Demo Sender', email: 'demo.sender@sealpost.test' },
      attachments: [
        {
          name: 'bijlage.txt',
          type: 'text/plain',
          size: attachment.length,
          open: () => new ReadableStream({ start: (c) => (c.enqueue(attachment), c.close()) }),
        },
      ],
    },
    [{ name: 'Demo Recipient', email: 'recipient@sealpost.test', method: 'sms', phone: '+31612345678' }],
    { locale: 'en' },
  );
  console.log(`Secure message created.

  Open:        ${sent.link}
  E-mail:      recipient@sealpost.test
  SMS code:    sent to +31 6 1234 5678; read it at ${baseUrl}/dev/outbox
  Expires:     ${sent.expiresAt}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
