// Why a pasted diagram is not a flowchart travels as a problem code (src/diagram/flowchartProblems.ts): every code
// is in both catalogs, the English one says exactly what the parser says, and broken texts read in 繁體中文.
import { describe, expect, it } from 'vitest';
import { FlowchartError, parseFlowchart } from '../diagram/flowchartParser';
import { flowchartProblemCodes, flowchartWordsEn } from '../diagram/flowchartProblems';
import { en } from './messages.en';
import { zhTW } from './messages.zh-TW';
import { type MessageKey, translate } from './translate';

const broken = [
  'pie title x',
  'graph TD\nA[Service --> B',
  'graph TD\nsubgraph One\nA --> B\n',
  'graph TD\nA -->',
  'graph TD\nend',
  'graph TD\n  A --> |x B',
  'graph TD\nA]',
  'graph TD\nA["x] --> B',
  'graph TD\nsubgraph\nend',
  'graph TD\nA -- calls B',
];

describe('flowchart problems', () => {
  it('have every code in both catalogs, the English one worded as the parser words it', () => {
    for (const code of flowchartProblemCodes) {
      const key = `diagram.flowchart.${code}` as MessageKey;
      expect(en[key], code).toBe(flowchartWordsEn[code]);
      expect(zhTW[key], code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('read in either language, with the values of the text that broke', () => {
    const codes = new Set<string>();
    for (const text of broken) {
      let error: unknown;
      try {
        parseFlowchart(text);
      } catch (e) {
        error = e;
      }
      if (!(error instanceof FlowchartError)) throw new Error(`${JSON.stringify(text)} did not fail as a flowchart`);
      codes.add(error.code);
      const key = `diagram.flowchart.${error.code}` as MessageKey;
      expect(translate('en', key, error.values)).toBe(error.reason);
      const zh = translate('zh-TW', key, error.values);
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(zh).not.toMatch(/\{\w+\}/);
    }
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });
});
