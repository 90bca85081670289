import { describe, expect, it } from 'vitest';
import { schemaProblem } from './schemaProblem';

describe('schemaProblem', () => {
  it('lists a key given twice as a warning that says kubectl keeps the last value', () => {
    const p = schemaProblem({ message: 'Map keys must be unique', isError: true, line: 10, column: 5 });
    expect(p).toEqual({ severity: 'warning', message: 'Map keys must be unique; kubectl keeps the last value', line: 10, column: 5, source: 'schema' });
  });

  it('passes any other marker through with its severity', () => {
    expect(schemaProblem({ message: 'Property tragetPort is not allowed.', isError: false, line: 3, column: 1 })).toEqual({
      severity: 'warning',
      message: 'Property tragetPort is not allowed.',
      line: 3,
      column: 1,
      source: 'schema',
    });
    expect(schemaProblem({ message: 'Incorrect type. Expected "integer".', isError: true, line: 4, column: 2 }).severity).toBe('error');
  });
});
