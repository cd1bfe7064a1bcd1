/**
 * One large part through the real service on loopback, against `cp` of the same file in the same
 * run: (a) encrypt+upload with the sender client, (b) verify, then download+decrypt to a file and
 * check its SHA-256, (c) `cp`, run before (a) and after (b). For reference it also times the same
 * transfers without crypto and a bare AES-GCM loop. Prints MB/s, ratios to cp and the peak RSS of
 * the service and of this client process.
 *
 *   node --import tsx bench/transfer.ts [size] [--upload-with fetch|http] [--profile] [--tsx]
 *
 * size is in MiB, or has a suffix: 256M, 1G (default 1G).
 * --upload-with: `http` (default) passes sendSecure an uploader on node:http with stream
 *   backpressure; `fetch` uses sendSecure's own default uploader, Node's fetch, which in Node 20
 *   does not hold back a streamed request body (nodejs/undici#4058): the client's RSS then grows
 *   with the part, so that mode is refused above 4 GiB.
 * --profile records V8 CPU profiles of the service and of this client during (a) and (b) and
 *   prints where their time went (it slows both).
 * --tsx runs the service from the sources through tsx; by default it runs as production runs it,
 *   built with `npm run build:server` from the current sources, then `node dist/server/main.js`.
 *
 * The decrypted part is written through a WritableStream over a FileHandle, not
 * Writable.toWeb(createWriteStream()), which in Node 20 applies no backpressure and would hold
 * the whole part in memory.
 */
import { createReadStream, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ciphertextSize, decryptPart, fromBase64Url, parseLink, partLabel } from '../src/shared/crypto';
import { sendSecure } from '../src/shared/protocol/sender-client';
import {
  commandLine,
  fixed,
  loadLine,
  mb,
  MIB,
  monotonicMicros,
  printCpuProfile,
  printTable,
  profileSelf,
  procKiB,
  ratio,
  RECIPIENT,
  resetPeak,
  runBench,
  signIn,
  startSealpost,
  tempDir,
  verifyRecipient,
  type CpuProfile,
  serviceCommand,
  type ServiceMode,
} from './support';
import { bareAesGcm, cp, downloadPlain, fileSink, generate, httpUploader, sha256, uploadPlain } from './support/transfer-io';

const AIM_SERVICE_RSS_MB = 150;
const AIM_RATIO = 0.3;

function parseSize(text: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)([MG]i?B?)?$/i.exec(text ?? '1G');
  if (!match) throw new Error('size must be MiB or a number with M or G, e.g. 256M or 1G');
  const unit = match[2]?.[0]?.toUpperCase() === 'G' ? 1024 * MIB : MIB;
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes < 1 || bytes > 16 * 1024 * MIB) throw new Error('size must be from 1 byte to 16 GiB');
  return bytes;
}

const args = commandLine({ 'upload-with': 'string', profile: 'boolean', tsx: 'boolean' });
const size = parseSize(args.positionals[0]);
const profile = args.flag('profile');
const mode: ServiceMode = args.flag('tsx') ? 'tsx' : 'compiled';
const uploadWith = args.text('upload-with', 'http');
if (uploadWith !== 'fetch' && uploadWith !== 'http') throw new Error('--upload-with must be fetch or http');
if (uploadWith === 'fetch' && size > 4 * 1024 * MIB) throw new Error('--upload-with fetch buffers the whole part in this process: use at most 4 GiB');

interface Phase<T> {
  value: T;
  seconds: number;
  peakKiB: number | null;
  /** This process's RSS when the phase began: freed memory is seldom returned, so a peak is never below it. */
  startKiB: number | null;
  /** With --profile: this process's CPU profile and the phase on the monotonic clock. */
  profile?: CpuProfile;
  window: [number, number];
}

/** Runs `phase`, returning its duration and this process's peak RSS during it. */
async function timed<T>(phase: () => Promise<T>, profiled = false): Promise<Phase<T>> {
  resetPeak('self');
  const startKiB = procKiB('self', 'VmRSS');
  const from = monotonicMicros();
  const start = performance.now();
  const { value, profile: recorded } = profiled ? await profileSelf(phase) : { value: await phase(), profile: undefined };
  const seconds = (performance.now() - start) / 1000;
  return { value, seconds, startKiB, peakKiB: procKiB('self', 'VmHWM'), profile: recorded, window: [from, monotonicMicros()] };
}

const mbOf = (kib: number | null) => (kib === null ? 'n/a' : `${fixed((kib * 1024) / 1e6, 0)} MB`);

async function main(): Promise<void> {
  const work = tempDir('transfer');
  const { bavail, bsize } = statfsSync(work);
  // The original, two stored blobs (plain reference and part) and the decrypted copy exist at once.
  if (bavail * bsize < 4.2 * size + 512 * MIB) throw new Error(`not enough free space in ${work} for a ${size}-byte run`);
  console.log(`transfer: ${fixed(size / MIB, 0)} MiB part, service ${serviceCommand(mode)}, ${loadLine()}`);

  const original = join(work, 'original.bin');
  const generated = await timed(() => generate(original, size));
  const cpBefore = await cp(original, join(work, 'copy.bin'));

  const profileDir = profile ? tempDir('profile') : null;
  const server = await startSealpost(
    { SEALPOST_MAX_PART_BYTES: String(size + 64 * MIB) },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    mode,
  );
  let phases: Phase<unknown>[] = [];
  const serviceIdleKiB = procKiB(server.pid, 'VmRSS');
  try {
    const token = await signIn(server.baseUrl);
    const plainUpload = await timed(() => uploadPlain(server.baseUrl, token, original, size));
    const upload = await timed(() =>
      sendSecure(
        { baseUrl: server.baseUrl, token, ...(uploadWith === 'http' ? { upload: httpUploader } : {}) },
        {
          subject: 'Transfer benchmark',
          html: '<p>One large attachment.</p>',
          attachments: [
            {
              name: 'original.bin',
              type: 'application/octet-stream',
              size,
              open: () => Readable.toWeb(createReadStream(original, { highWaterMark: MIB })) as ReadableStream<Uint8Array>,
            },
          ],
        },
        [RECIPIENT],
      ),
      profile,
    );
    const servicePeakUploadKiB = procKiB(server.pid, 'VmHWM');
    const link = parseLink(upload.value.link);
    if (!link) throw new Error('sendSecure returned a link that does not parse');

    const verifyStart = performance.now();
    const session = await verifyRecipient(server, link.messageId);
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    const km = { linkSecret: link.linkSecret, serverShare: fromBase64Url(session.serverShare), messageId: link.messageId };

    const decrypted = join(work, 'decrypted.bin');
    const partUrl = `${server.baseUrl}/api/r/${link.messageId}/parts/1`;
    const download = await timed(async () => {
      const res = await fetch(partUrl, {
        headers: { authorization: `Bearer ${session.sessionToken}` },
      });
      if (!res.ok || !res.body) throw new Error(`download: HTTP ${res.status}`);
      await res.body.pipeThrough(decryptPart(km, partLabel(1))).pipeTo(await fileSink(decrypted));
    }, profile);
    phases = [upload, download];
    const plainDownload = await timed(() => downloadPlain(partUrl, session.sessionToken));
    if (plainDownload.value !== ciphertextSize(size)) throw new Error(`the stored part has ${plainDownload.value} bytes`);
    const servicePeakKiB = procKiB(server.pid, 'VmHWM');
    const serviceEndKiB = procKiB(server.pid, 'VmRSS');

    const check = await timed(() => sha256(decrypted));
    const sizeOk = statSync(decrypted).size === size;
    const hashOk = check.value === generated.value;
    rmSync(decrypted, { force: true });
    const cpAfter = await cp(original, join(work, 'copy.bin'));
    const referenceBytes = Math.min(size, 256 * MIB);
    const aesSeconds = await bareAesGcm(referenceBytes);

    const cpSeconds = (cpBefore + cpAfter) / 2;
    const rate = (seconds: number) => mb(size) / seconds;
    const cpRate = rate(cpSeconds);
    const e2eSeconds = upload.seconds + download.seconds;
    console.log();
    printTable(
      ['step', 'seconds', 'MB/s', 'vs cp'],
      [
        ['cp, before (a)', fixed(cpBefore, 2), fixed(rate(cpBefore)), ''],
        ['cp, after (b)', fixed(cpAfter, 2), fixed(rate(cpAfter)), ''],
        ['cp baseline (mean of the two)', fixed(cpSeconds, 2), fixed(cpRate), ratio(1)],
        [`(a) encrypt + upload (sendSecure, ${uploadWith})`, fixed(upload.seconds, 2), fixed(rate(upload.seconds)), ratio(rate(upload.seconds) / cpRate)],
        ['    verify (SMS code, not in (b))', fixed(verifySeconds, 2), '', ''],
        ['(b) download + decrypt to file', fixed(download.seconds, 2), fixed(rate(download.seconds)), ratio(rate(download.seconds) / cpRate)],
        ['end to end: size / ((a) + (b))', fixed(e2eSeconds, 2), fixed(rate(e2eSeconds)), ratio(rate(e2eSeconds) / cpRate)],
        ['reference: upload of the file as is (no crypto)', fixed(plainUpload.seconds, 2), fixed(rate(plainUpload.seconds)), ratio(rate(plainUpload.seconds) / cpRate)],
        ['reference: download of the part, not decrypted', fixed(plainDownload.seconds, 2), fixed(rate(plainDownload.seconds)), ratio(rate(plainDownload.seconds) / cpRate)],
        [
          `reference: bare AES-GCM loop, ${fixed(referenceBytes / MIB, 0)} MiB in memory`,
          fixed(aesSeconds, 2),
          fixed(mb(referenceBytes) / aesSeconds),
          ratio(mb(referenceBytes) / aesSeconds / cpRate),
        ],
      ],
    );
    console.log(`MB = 10^6 bytes. Generating the file took ${fixed(generated.seconds, 2)} s; hashing the result (not timed above) ${fixed(check.seconds, 2)} s.`);
    console.log(`result: ${sizeOk ? 'size matches' : 'SIZE DIFFERS'}, SHA-256 ${hashOk ? 'matches the original' : 'DIFFERS FROM THE ORIGINAL'}`);
    console.log();
    printTable(
      ['process', 'RSS at start', 'peak RSS', 'RSS at end'],
      [
        [`service (pid ${server.pid}), after (a)`, mbOf(serviceIdleKiB), mbOf(servicePeakUploadKiB), ''],
        [`service (pid ${server.pid}), whole run`, mbOf(serviceIdleKiB), mbOf(servicePeakKiB), mbOf(serviceEndKiB)],
        ...server.helpers.map((h) => [`tsx's esbuild helper (pid ${h.pid}, child of the service)`, '', mbOf(procKiB(h.pid, 'VmHWM')), '']),
        [`client (pid ${process.pid}), generating the file`, mbOf(generated.startKiB), mbOf(generated.peakKiB), ''],
        [`client (pid ${process.pid}), (a) encrypt + upload (${uploadWith})`, mbOf(upload.startKiB), mbOf(upload.peakKiB), ''],
        [`client (pid ${process.pid}), (b) download + decrypt`, mbOf(download.startKiB), mbOf(download.peakKiB), mbOf(procKiB('self', 'VmRSS'))],
      ],
    );
    const serviceMb = ((servicePeakKiB ?? 0) * 1024) / 1e6;
    const e2eRatio = rate(e2eSeconds) / cpRate;
    console.log();
    const growthMb = (((servicePeakKiB ?? 0) - (serviceIdleKiB ?? 0)) * 1024) / 1e6;
    console.log(
      `aim: service peak RSS < ${AIM_SERVICE_RSS_MB} MB: ${serviceMb < AIM_SERVICE_RSS_MB ? 'met' : 'NOT met'} (${fixed(serviceMb, 0)} MB, of which ${fixed(growthMb, 0)} MB above its RSS at start)`,
    );
    console.log(`aim: end-to-end throughput >= ${AIM_RATIO}x cp: ${e2eRatio >= AIM_RATIO ? 'met' : 'NOT met'} (${ratio(e2eRatio)})`);
    console.log(loadLine());
    if (!sizeOk || !hashOk) throw new Error('the decrypted file does not equal the original');
  } finally {
    await server.stop();
  }
  if (profileDir) {
    // Node writes the service's profile when it exits (on SIGTERM, through its close handler).
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the service wrote no CPU profile');
    for (const [name, phase] of [['(a) encrypt + upload', phases[0]!], ['(b) download + decrypt', phases[1]!]] as const) {
      console.log();
      printCpuProfile(`the service during ${name}`, join(profileDir, file), { windows: [phase.window] });
      console.log();
      printCpuProfile(`this client during ${name}`, phase.profile!);
    }
  }
}

// Generous: a slow disk at ~5 MB/s for each of the five passes over the file, plus start-up.
runBench('transfer', 120_000 + (size / 1e6) * 1000, main);
