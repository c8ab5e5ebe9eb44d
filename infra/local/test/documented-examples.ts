import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@switchyard/testing';

// Examples in the docs are run by the launcher suite against the system it started, so that they
// cannot rot. The convention (stated where it is used, e.g. at the top of docs/integrators.md):
//
//   <!-- example: NAME -->      the fenced block that follows is run (```sh with bash, from the
//                               repository's root, with only the variables the doc names)
//   <!-- output: NAME -->       the fenced block that follows is what example NAME prints: ```json
//                               is matched against its last JSON line (only the keys shown; a
//                               string with … matches any text there), anything else line by line
//                               (each line shown appears in the output, … matching any text)
//   <!-- file: PATH -->         the fenced block that follows is the file PATH, verbatim
//   <!-- example: NAME (server: VAR=value) -->
//                               an example that needs the system started with that setting (e.g. a
//                               webhook receiver on 127.0.0.1): run only by a launch that sets it

export interface Block {
  language: string;
  code: string;
  /** The setting the running system needs for this example (`(server: VAR=value)` in its marker). */
  server?: { variable: string; value: string };
}

export interface DocumentedExamples {
  examples: Map<string, Block>;
  outputs: Map<string, Block>;
  files: Map<string, Block>;
  /** Every fenced block of an executable language, marked or not. */
  runnable: Block[];
}

const MARKED_BLOCK =
  /^(?:<!-- (example|output|file): (\S+)(?: \(server: (\w+)=(\S+)\))? -->\n)?```(\w*)\n([\s\S]*?)^```$/gm;
const RUNNABLE = new Set(['sh', 'bash', 'js', 'mjs']);

/** The marked blocks of a Markdown file under the repository's root. */
export function documentedExamples(file: string): DocumentedExamples {
  const markdown = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const found: DocumentedExamples = { examples: new Map(), outputs: new Map(), files: new Map(), runnable: [] };
  for (const [, mark, name, variable, value, language, code] of markdown.matchAll(MARKED_BLOCK)) {
    const block: Block = {
      language: language!,
      code: code!,
      ...(variable ? { server: { variable, value: value! } } : {}),
    };
    if (RUNNABLE.has(block.language)) found.runnable.push(block);
    if (!mark) continue;
    const into = { example: found.examples, output: found.outputs, file: found.files }[mark as 'example'];
    if (into.has(name!)) throw new Error(`${file}: two blocks are marked ${mark}: ${name}`);
    into.set(name!, block);
  }
  return found;
}

/** Runs a shell example to its end with exactly `env` (and PATH, HOME); fails on any failing command. */
export async function runShellExample(block: Block, env: Record<string, string>) {
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block.code], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  return stdout;
}

/** Starts a shell example that runs until stopped (a subscription), collecting what it prints. */
export function startShellExample(block: Block, env: Record<string, string>) {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', block.code], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => stdout,
    errors: () => stderr,
    exited,
    /** Ends the example and whatever it started (its process group). */
    stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      return exited;
    },
  };
}

/** The example's last line that is JSON. */
export function lastJsonLine(stdout: string): unknown {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{'));
  if (!line) throw new Error(`no JSON line in:\n${stdout}`);
  return JSON.parse(line);
}

const pattern = (text: string) =>
  new RegExp(
    `^${text
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    's',
  );

/** The shown output as a jest matcher: keys shown must be there with these values, `…` matching any text. */
function asMatcher(expected: unknown): unknown {
  if (typeof expected === 'string' && expected.includes('…')) return expect.stringMatching(pattern(expected));
  if (Array.isArray(expected)) return expected.map(asMatcher);
  if (expected && typeof expected === 'object')
    return expect.objectContaining(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, asMatcher(v)])));
  return expected;
}

/** Checks what an example printed against its shown output (see the convention above). */
export function expectShownOutput(stdout: string, shown: Block) {
  if (shown.language === 'json') {
    expect(lastJsonLine(stdout)).toEqual(asMatcher(JSON.parse(shown.code)));
    return;
  }
  const printed = stdout.split(/\r?\n/);
  for (const line of shown.code.split('\n').filter((text) => text.trim() !== '')) {
    const wanted = pattern(line.trim());
    if (!printed.some((candidate) => wanted.test(candidate.trim())))
      throw new Error(`the output shown has the line\n  ${line}\nwhich the example did not print:\n${stdout}`);
  }
}
