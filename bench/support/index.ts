/**
 * What the hand-run benchmarks share: temp files and child processes that are always cleaned up,
 * a strict command line and aligned tables, the real service as a child process with its peak RSS
 * from /proc, the sender's sign-in and the recipient's verification, and CPU profile summaries.
 */
export { runBench, tempDir } from './cleanup';
export { commandLine, fixed, loadLine, mb, median, MIB, printTable, ratio, type CommandLine } from './cli';
export { buildService, serveNodeFlags, serviceCommand, procKiB, resetPeak, ROOT, startChild, startSealpost, type ChildServer, type Sealpost, type ServiceMode } from './processes';
export { RECIPIENT, signIn, verifyRecipient } from './recipient';
export { monotonicMicros, printCpuProfile, profileSelf, type CpuProfile } from './cpu-profile';
