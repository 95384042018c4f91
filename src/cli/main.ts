/**
 * The command line: parse argv, resolve options, call the library, map the
 * result to an exit code (0 ok, 1 errors in the input, 2 usage).
 * `main(argv)` returns the code so tests can call it in-process.
 */

import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { build } from '../build/build.js';
import { reportOutputFailureOrThrow } from '../build/safe-output.js';
import { parse } from '../rst/parse.js';
import { pformat } from '../rst/pformat.js';
import { formatDiagnostic } from '../diagnostics/render.js';
import { isError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { registerServe } from './serve.js';
import { registerCheck } from './check.js';
import { registerMap, runMap } from './map.js';
import { registerPdf } from './pdf.js';
import { tierForBuild } from './tiering.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Where the CLI's text goes when no one captures it (tests pass an Io of
 * their own). Commands that run once write to descriptors 1 and 2
 * directly: process.stdout and process.stderr load Node's stream and
 * socket modules when first touched (to Node a pipe is a socket),
 * milliseconds of every run. Node's streams take over, for both
 * descriptors so that the two keep their order in one pipe:
 * - when a descriptor would not take text at once (a non-blocking pipe);
 * - for `deck serve`, which must never wait for a reader to read;
 * - on Windows, whose console wants its own API.
 * A reader that has gone (EPIPE) is no one to tell; any other failure
 * (a full disk) is said on the other descriptor and makes the exit code 1.
 */
class StandardOutput {
  private streams = process.platform === 'win32';
  /** Whether writing failed for a reason other than a reader gone. */
  failed = false;

  useStreams(): void {
    this.streams = true;
  }

  write(fd: 1 | 2, text: string): void {
    if (this.streams) return this.toStream(fd, text);
    let rest = Buffer.from(text, 'utf8');
    try {
      while (rest.length > 0) rest = rest.subarray(fs.writeSync(fd, rest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return this.fail(fd, error);
      this.useStreams();
      this.toStream(fd, rest);
    }
  }

  private toStream(fd: 1 | 2, text: string | Buffer): void {
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (stream.listenerCount('error') === 0) stream.on('error', (error) => this.fail(fd, error));
    stream.write(text);
  }

  private fail(fd: 1 | 2, error: unknown): void {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE' || this.failed) return;
    this.failed = true;
    process.exitCode = process.exitCode || 1;
    const name = fd === 1 ? 'standard output' : 'standard error';
    try {
      fs.writeSync(fd === 1 ? 2 : 1, `deck: cannot write to ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    } catch {
      // Neither descriptor takes text: the exit code says it.
    }
  }
}

const standardOutput = new StandardOutput();

const defaultIo: Io = {
  out: (text) => standardOutput.write(1, text),
  err: (text) => standardOutput.write(2, text),
};

function missingFiles(files: string[], io: Io): boolean {
  let missing = false;
  for (const file of files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      io.err(`${file}:1:1: error: No such file: "${file}". [cli/file-not-found]\n`);
      missing = true;
    }
  }
  return missing;
}

function report(diagnostics: Diagnostic[], sources: Map<string, string>, io: Io): void {
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    io.err(`${formatDiagnostic(d, d.file ? sources.get(d.file) : undefined)}\n`);
  }
}

interface BuildFlags {
  out: string;
  template?: string;
  skipNotes?: boolean;
  slideNumbers?: boolean;
  skipHelp?: boolean;
  autoConsole?: boolean;
  singleFile?: boolean;
  map?: boolean;
}

function runBuild(files: string[], opts: BuildFlags, io: Io): number {
  if (missingFiles(files, io)) return 1;
  // Date.now, not performance.now: the global `performance` loads perf_hooks, milliseconds of start-up.
  const started = Date.now();
  const buildOptions: Parameters<typeof build>[1] = { out: opts.out };
  if (opts.template) buildOptions.templateDir = opts.template;
  if (opts.skipNotes) buildOptions.skipNotes = true;
  // A flag turns a feature on whatever the deck says; without it the deck's setting decides.
  if (opts.slideNumbers) buildOptions.slideNumbers = true;
  if (opts.skipHelp) buildOptions.skipHelp = true;
  if (opts.autoConsole) buildOptions.autoConsole = true;
  if (opts.singleFile) buildOptions.singleFile = true;
  let result: ReturnType<typeof build>;
  try {
    result = build(files, buildOptions);
  } catch (error) {
    return reportOutputFailureOrThrow(error, opts.out, 'build', io.err);
  }
  // The map is drawn from the deck itself; its own messages were already reported by the build.
  if (opts.map) result.written.forEach((index, i) => runMap(files[i]!, path.join(path.dirname(index), 'map.svg'), { out: () => {}, err: () => {} }));
  report(result.diagnostics, result.sources, io);
  const errors = result.diagnostics.filter(isError).length;
  const ms = Date.now() - started;
  io.err(`wrote ${result.written.join(', ')} in ${ms} ms${errors ? ` with ${errors} error(s)` : ''}\n`);
  return errors > 0 ? 1 : 0;
}

function stemOf(file: string): string {
  return path.basename(file).replace(/\.(rst|txt)$/, '');
}

function runDoctree(files: string[], opts: { mode: string; out?: string }, io: Io): number {
  if (missingFiles(files, io)) return 1;
  const modes = opts.mode === 'both' ? ['parse', 'publish'] : [opts.mode];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const mode of modes) {
      const { document } = parse(source, {
        sourceName: path.basename(file),
        mode: mode as 'parse' | 'publish',
        fileInsertionEnabled: false,
      });
      const output = pformat(document);
      if (!opts.out || opts.out === '-') io.out(output);
      else {
        try {
          fs.mkdirSync(opts.out, { recursive: true });
          fs.writeFileSync(path.join(opts.out, `${stemOf(file)}.${mode}.pxml`), output);
        } catch (error) {
          return reportOutputFailureOrThrow(error, opts.out, 'doctree', io.err);
        }
      }
    }
  }
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = new Command('deck')
    .description('Compile hovercraft-style reStructuredText presentations into impress.js')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .hook('preAction', (_program, command) => {
      if (io === defaultIo && command.name() === 'serve') standardOutput.useStreams();
      // serve and pdf load more of deck after this (the server, the browser
      // driver) and choose once it is loaded: see tiering.ts.
      if (command.name() !== 'serve' && command.name() !== 'pdf') tierForBuild(command.args);
    });
  program
    .command('build')
    .description('compile decks into a static folder that opens from disk or any static host')
    .argument('<file...>', 'reStructuredText decks')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-t, --template <dir>', "template folder, or a built-in template's name: default, simple (default: the deck's :template:, else default)")
    .option('--skip-notes', 'leave presenter notes out of the output')
    .option('--slide-numbers', 'show the step number on every step (as :slide-numbers: true)')
    .option('--skip-help', 'no keyboard help on h or at the start (as :skip-help: true)')
    .option('--auto-console', 'open the presenter console when the presentation loads (as :auto-console: true)')
    .option('--single-file', 'one index.html with everything inside (styles, scripts, pictures, fonts), for offline use; no presenter console')
    .option('--map', 'also write map.svg (as deck map) next to each index.html')
    .action((files: string[], opts) => {
      code = runBuild(files, opts, io);
    });
  program
    .command('doctree')
    .description('print the document tree as docutils pseudo-XML')
    .argument('<file...>', 'reStructuredText files')
    .option('--mode <mode>', 'parse, publish or both', 'parse')
    .option('--out <dir>', "folder for STEM.MODE.pxml files, or '-' for standard output", '-')
    .action((files: string[], opts) => {
      if (!['parse', 'publish', 'both'].includes(opts.mode)) {
        io.err(`error: --mode must be parse, publish or both, not "${opts.mode}"\n`);
        code = 2;
        return;
      }
      code = runDoctree(files, opts, io);
    });
  registerServe(program, io, (exit) => {
    code = exit;
  });
  registerCheck(program, io, (exit) => {
    code = exit;
  });
  registerMap(program, io, (exit) => {
    code = exit;
  });
  registerPdf(program, io, (exit) => {
    code = exit;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    throw error;
  }
  return io === defaultIo && standardOutput.failed && code === 0 ? 1 : code;
}
