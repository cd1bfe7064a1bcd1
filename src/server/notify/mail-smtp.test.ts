import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotifyError, type NotifyLogger } from './notify-error';
import { SmtpMailer, type SmtpOptions } from './mail-smtp';

interface Received {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let port: number;

before(async () => {
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'sealpost' && auth.password === 'right-password') return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@nowhere.test')) {
        return callback(Object.assign(new Error(`<${address.address}>: no such user`), { responseCode: 550 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

function mailer(extra: Partial<SmtpOptions> = {}): SmtpMailer {
  return new SmtpMailer({
    host: '127.0.0.1', port, secure: false, user: 'sealpost', pass: 'right-password',
    from: '"Sealpost" <no-reply@sealpost.test>', ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<NotifyError> {
  const error = await promise.then(() => assert.fail('expected a failure'), (e: unknown) => e);
  assert.ok(error instanceof NotifyError);
  assert.equal(error.status, 503);
  const visible = JSON.stringify({ ...error, message: error.message, stack: error.stack });
  assert.ok(!visible.includes('@') && !visible.includes('Your code'), 'the error holds neither address nor content');
  return error;
}

test('delivers over SMTP with the right envelope, subject, text and auto-reply suppression', async () => {
  received.length = 0;
  const lines: string[] = [];
  const logger: NotifyLogger = { info: (o) => lines.push(JSON.stringify(o)), warn: (o) => lines.push(JSON.stringify(o)) };
  await mailer({ logger }).send({ to: 'anne@example.test', subject: 'Your Sealpost code', text: 'Your code is 482913.' });

  assert.equal(received.length, 1);
  const [mail] = received;
  assert.ok(mail);
  assert.equal(mail.from, 'no-reply@sealpost.test');
  assert.deepEqual(mail.to, ['anne@example.test']);
  assert.equal(mail.user, 'sealpost');
  assert.match(mail.raw, /^Subject: Your Sealpost code\r$/m);
  assert.match(mail.raw, /^To: anne@example\.test\r$/m);
  assert.match(mail.raw, /^Auto-Submitted: auto-generated\r$/m);
  assert.match(mail.raw, /^Content-Type: text\/plain; charset=utf-8\r$/m);
  assert.ok(mail.raw.includes('Your code is 482913.'));
  assert.ok(lines.length === 1 && !lines[0]?.includes('anne') && !lines[0]?.includes('482913'), 'the log holds no address or code');
});

test('sends the HTML as an alternative to the text', async () => {
  received.length = 0;
  await mailer().send({ to: 'anne@example.test', subject: 'Code', text: 'Your code is 482913.', html: '<p>Your code is <b>482913</b>.</p>' });
  const raw = received[0]?.raw ?? '';
  assert.match(raw, /^Content-Type: multipart\/alternative;/m);
  assert.match(raw, /^Content-Type: text\/html; charset=utf-8\r$/m);
  assert.ok(raw.includes('<b>482913</b>'));
});

test('reports a wrong password as auth_failed', async () => {
  const error = await failure(mailer({ pass: 'wrong' }).send({ to: 'anne@example.test', subject: 'Code', text: 'Your code is 1.' }));
  assert.equal(error.reason, 'auth_failed');
});

test('reports a refused recipient as recipient_rejected with the SMTP reply code', async () => {
  const error = await failure(mailer().send({ to: 'ghost@nowhere.test', subject: 'Code', text: 'Your code is 1.' }));
  assert.equal(error.reason, 'recipient_rejected');
  assert.equal(error.providerCode, 550);
});

test('fails quickly and cleanly when no server listens', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  const started = Date.now();
  const error = await failure(mailer({ port: deadPort }).send({ to: 'anne@example.test', subject: 'Code', text: 'Your code is 1.' }));
  assert.equal(error.reason, 'unavailable');
  assert.ok(Date.now() - started < 2000);
});

test('times out when the server accepts the connection but never greets', async () => {
  const sockets: Socket[] = [];
  const silent: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const error = await failure(
      mailer({ port: (silent.address() as AddressInfo).port, greetingTimeoutMs: 300 }).send({ to: 'anne@example.test', subject: 'Code', text: 'Your code is 1.' }),
    );
    assert.equal(error.reason, 'timeout');
    assert.ok(Date.now() - started < 2000);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
