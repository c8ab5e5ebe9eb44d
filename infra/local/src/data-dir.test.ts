import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { holdDataDir } from './data-dir.ts';

describe('holdDataDir', () => {
  let root: string;
  let other: ChildProcess;
  // Another running copy of the launcher, as far as the lock can tell: a live process of ours.
  const heldByOther = (dir: string, port: number) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'launcher.lock'), JSON.stringify({ pid: other.pid, port }));
  };

  beforeAll(() => {
    other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  });
  afterAll(() => other.kill());
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'switchyard-data-dir-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('holds a free folder until released', () => {
    const held = holdDataDir(path.join(root, '.data'), false, 4000);
    expect(held).toMatchObject({ dir: path.join(root, '.data'), movedBecause: null });
    expect(existsSync(path.join(held.dir, 'launcher.lock'))).toBe(true);
    held.release();
    expect(existsSync(path.join(held.dir, 'launcher.lock'))).toBe(false);
  });

  it('takes over the lock of a launcher that is gone', () => {
    const dir = path.join(root, '.data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'launcher.lock'), JSON.stringify({ pid: 2 ** 22 + 1, port: 4000 }));
    expect(holdDataDir(dir, false, 5000)).toMatchObject({ dir, movedBecause: null });
  });

  it('gives a second copy on other ports its own folder when DATA_DIR is the default', () => {
    const dir = path.join(root, '.data');
    heldByOther(dir, 4000);
    const held = holdDataDir(dir, false, 5000);
    expect(held.dir).toBe(`${dir}-5000`);
    expect(held.movedBecause).toMatch(/in use by the copy of Switchyard on port 4000/);
  });

  it('refuses a DATA_DIR that was set explicitly and is in use', () => {
    const dir = path.join(root, 'mine');
    heldByOther(dir, 4000);
    expect(() => holdDataDir(dir, true, 5000)).toThrow(/DATA_DIR=.*in use.*give this copy its own DATA_DIR/);
  });
});
