import { runOutcome } from './scene-run.ts';

describe('run outcome', () => {
  it('is SUCCEEDED, PARTIAL or FAILED by how many actions were done', () => {
    expect(runOutcome([{ ok: true }, { ok: true }])).toBe('SUCCEEDED');
    expect(runOutcome([{ ok: true }, { ok: false }])).toBe('PARTIAL');
    expect(runOutcome([{ ok: false }, { ok: false }])).toBe('FAILED');
  });
});
