/**
 * Tab writer semantics checked against Go's text/tabwriter (format/writeLines) and liggitt/tabwriter
 * RememberWidths, with cli-runtime's table settings (pkg/printers/tabwriter.go: minwidth 6, padding 3) and
 * kubectl describe's tabbedString settings (minwidth 0, padding 2).
 */
import { describe, expect, it } from 'vitest';
import { TabWriter, describeWriterOptions, tabify, tableWriterOptions } from './tabWriter';

describe('TabWriter (tables)', () => {
  it('pads every column to max(width + 3, 6) and leaves the last column unpadded', () => {
    const out = tabify('NAME\tAGE\na\t5s\nlonger-name\t115s\n', tableWriterOptions);
    expect(out).toBe('NAME          AGE\na             5s\nlonger-name   115s\n');
  });

  it('applies the minimum width of 6', () => {
    expect(tabify('A\tB\tC\nx\ty\tz\n', tableWriterOptions)).toBe('A     B     C\nx     y     z\n');
  });

  it('counts runes, not bytes', () => {
    // "naïve" is 5 runes (6 bytes): the column is 5 + 3 wide
    expect(tabify('NAME\tX\nnaïve\t1\n', tableWriterOptions)).toBe('NAME    X\nnaïve   1\n');
  });

  it('remembers widths across flushes (get --watch)', () => {
    let out = '';
    const w = new TabWriter((s) => {
      out += s;
    }, tableWriterOptions);
    w.write('NAME\tSTATUS\tAGE\nlong-pod-name\tRunning\t5s\n');
    w.flush();
    w.write('a\tX\t1s\n');
    w.flush();
    expect(out).toBe('NAME            STATUS    AGE\nlong-pod-name   Running   5s\na               X         1s\n');
    w.setRememberedWidths([]);
    out = '';
    w.write('a\tX\t1s\n');
    w.flush();
    expect(out).toBe('a     X     1s\n');
  });
});

describe('TabWriter (describe)', () => {
  it('aligns consecutive key lines and restarts after a line without tabs', () => {
    const text = 'Name:\talpaca-prod\nNamespace:\tdefault\nSubsets:\n  Addresses:\t10.244.0.6\nEvents:\t<none>\n';
    expect(tabify(text, describeWriterOptions)).toBe('Name:       alpaca-prod\nNamespace:  default\nSubsets:\n  Addresses:  10.244.0.6\nEvents:       <none>\n');
  });

  it('sizes an inner column only over the lines that have it (Port: <unset>  8000/TCP)', () => {
    const text = 'Type:\tClusterIP\nPort:\t<unset>\t8000/TCP\nTargetPort:\t8000/TCP\n';
    expect(tabify(text, describeWriterOptions)).toBe('Type:        ClusterIP\nPort:        <unset>  8000/TCP\nTargetPort:  8000/TCP\n');
  });
});
