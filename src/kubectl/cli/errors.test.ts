/**
 * Error rendering checked against kubectl pkg/cmd/util/helpers.go: checkErr (Invalid with MultilineError,
 * aggregates via MultipleErrors, plain errors with `error: `), StandardErrorMessage.
 */
import { describe, expect, it } from 'vitest';
import type { ApiStatus } from '../../engine';
import { CommandError, type KubeError, continueOnError, fail, renderError, throwIfErrors } from './errors';

const status = (s: Partial<ApiStatus>): ApiStatus => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: '', reason: 'NotFound', code: 404, ...s });

describe('renderError', () => {
  it('renders API errors as Error from server', () => {
    expect(renderError({ type: 'status', status: status({ message: 'pods "x" not found' }) }).text).toBe('Error from server (NotFound): pods "x" not found\n');
  });

  it('renders Invalid with one cause on one line and several as bullets', () => {
    const one = status({
      reason: 'Invalid',
      code: 422,
      message: 'Service "x" is invalid: spec.ports: Required value',
      details: { kind: 'Service', name: 'x', causes: [{ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' }] },
    });
    expect(renderError({ type: 'status', status: one }).text).toBe('The Service "x" is invalid: spec.ports: Required value\n');
    const two = status({
      ...one,
      details: {
        kind: 'Service',
        name: 'x',
        causes: [
          { reason: 'a', field: 'spec.type', message: 'Required value' },
          { reason: 'b', field: 'spec.ports', message: 'Required value' },
        ],
      },
    });
    expect(renderError({ type: 'status', status: two }).text).toBe('The Service "x" is invalid: \n* spec.type: Required value\n* spec.ports: Required value\n');
  });

  it('renders aggregates one message per line without the error: prefix', () => {
    const r = renderError({
      type: 'aggregate',
      errors: [
        { type: 'status', status: status({ message: 'pods "a" not found' }) },
        { type: 'message', message: 'something else' },
      ],
    });
    expect(r.text).toBe('Error from server (NotFound): pods "a" not found\nsomething else\n');
  });

  it('prefixes plain errors and keeps exec exit codes', () => {
    expect(renderError({ type: 'message', message: 'boom' })).toEqual({ text: 'error: boom\n', exitCode: 1 });
    expect(renderError({ type: 'exitStatus', message: 'command terminated with exit code 2', code: 2 })).toEqual({
      text: 'command terminated with exit code 2\n',
      exitCode: 2,
    });
  });
});

describe('ContinueOnError visits', () => {
  it('collects CommandErrors and goes on; other exceptions still escape', () => {
    const errors: KubeError[] = [];
    let visited = 0;
    for (const name of ['a', 'b', 'c']) {
      continueOnError(errors, () => {
        visited++;
        if (name !== 'b') throw fail(`${name} failed`);
      });
    }
    expect(visited).toBe(3);
    expect(errors).toEqual([
      { type: 'message', message: 'a failed' },
      { type: 'message', message: 'c failed' },
    ]);
    expect(() => continueOnError(errors, () => { throw new TypeError('bug'); })).toThrow(TypeError);
  });

  it('fails with nothing, one error as is, or several as an aggregate', () => {
    expect(() => throwIfErrors([])).not.toThrow();
    const one: KubeError = { type: 'message', message: 'x' };
    const thrown = (errors: KubeError[]) => {
      try {
        throwIfErrors(errors);
      } catch (e) {
        return e instanceof CommandError ? e.error : e;
      }
      return undefined;
    };
    expect(thrown([one])).toEqual(one);
    expect(thrown([one, one])).toEqual({ type: 'aggregate', errors: [one, one] });
  });
});
