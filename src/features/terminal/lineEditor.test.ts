import { describe, expect, it } from 'vitest';
import { LineEditor, commonPrefix } from './lineEditor';

describe('LineEditor', () => {
  it('edits, moves the cursor and submits', () => {
    const e = new LineEditor();
    e.handle('kubectl get pod');
    e.handle('\x1b[D\x1b[D\x1b[D');
    e.handle('s');
    expect(e.buffer).toBe('kubectl get spod');
    e.handle('\x7f');
    expect(e.buffer).toBe('kubectl get pod');
    e.handle('\x05s');
    expect(e.handle('\r')).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    expect(e.buffer).toBe('');
  });

  it('walks the history with up and down and keeps the draft', () => {
    const e = new LineEditor(['kubectl get svc']);
    e.handle('kubectl get pods\r');
    e.handle('draft');
    e.handle('\x1b[A');
    expect(e.buffer).toBe('kubectl get pods');
    e.handle('\x1b[A');
    expect(e.buffer).toBe('kubectl get svc');
    e.handle('\x1b[B\x1b[B');
    expect(e.buffer).toBe('draft');
    expect(e.entries).toEqual(['kubectl get svc', 'kubectl get pods']);
  });

  it('asks for completion, interrupts and clears', () => {
    const e = new LineEditor();
    e.handle('k get svc a');
    expect(e.handle('\t')).toEqual([{ type: 'complete', line: 'k get svc a' }]);
    e.replace(10, 'alpaca-prod');
    expect(e.buffer).toBe('k get svc alpaca-prod');
    expect(e.handle('\x03')).toEqual([{ type: 'interrupt' }]);
    expect(e.buffer).toBe('');
    expect(e.handle('\x0c')).toEqual([{ type: 'clear' }]);
  });

  it('submits each line of a multi-line paste', () => {
    const e = new LineEditor();
    const actions = e.handle('kubectl get pods\r\nkubectl get svc\r');
    expect(actions.filter((a) => a.type === 'submit')).toEqual([
      { type: 'submit', line: 'kubectl get pods' },
      { type: 'submit', line: 'kubectl get svc' },
    ]);
  });

  it('finds the common prefix of completions', () => {
    expect(commonPrefix(['endpoints', 'endpointslice', 'endpointslices'])).toBe('endpoints');
    expect(commonPrefix([])).toBe('');
  });

  it('Ctrl+D ends input on an empty line and deletes forward otherwise (readline delete-char-or-EOF)', () => {
    const e = new LineEditor();
    expect(e.handle('\x04')).toEqual([{ type: 'eof' }]);
    e.handle('abc\x01\x04');
    expect([e.buffer, e.cursor]).toEqual(['bc', 0]);
  });
});
