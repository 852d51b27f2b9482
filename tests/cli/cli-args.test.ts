import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/cli-args.ts';

const options = { top: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;

describe('parseCliArgs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the parsed values when the arguments are good', () => {
    const r = parseCliArgs({ args: ['--top', '5'], options, strict: true }, 'Usage: x');
    expect(r.exit).toBeUndefined();
    expect(r.exit === undefined && r.parsed.values.top).toBe('5');
  });

  it('prints the usage on stdout and exits 0 for --help and -h', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(parseCliArgs({ args: ['-h'], options, strict: true }, 'Usage: x').exit).toBe(0);
    expect(out).toHaveBeenCalledWith('Usage: x\n');
  });

  it('prints the reason and the usage on stderr and exits 2 for an unknown option', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(parseCliArgs({ args: ['--nope'], options, strict: true }, 'Usage: x').exit).toBe(2);
    expect(String(err.mock.calls[0][0])).toMatch(/--nope[\s\S]*Usage: x/);
  });

  it("turns a UsageError of the command's own check into exit 2, and lets other errors through", () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const check = ({ values }: { values: { top?: string } }) => {
      if (!/^\d+$/.test(values.top ?? '')) throw new UsageError('--top must be a whole number');
    };
    expect(parseCliArgs({ args: ['--top', 'many'], options, strict: true }, 'Usage: x', check).exit).toBe(2);
    expect(String(err.mock.calls[0][0])).toContain('--top must be a whole number');
    expect(() =>
      parseCliArgs({ args: [], options, strict: true }, 'Usage: x', () => {
        throw new Error('bug');
      }),
    ).toThrow('bug');
  });
});
