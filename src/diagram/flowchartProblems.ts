/**
 * Why a text is not a flowchart the importer can read: a code per problem with its English words. The parser
 * throws codes with values; the English reason (tests, logs) is worded here, the Diagram dialog words the same
 * code with its catalogs' `diagram.flowchart.<code>` message (src/i18n), whose English must say exactly this
 * (src/i18n/diagramProblems.test.ts).
 */
export const flowchartWordsEn = {
  linkTextOpen: 'a link text opened with -- is never closed with -->',
  linkTextLine: 'a link text must stay on one line',
  labelOpen: 'a link label opened with | is never closed',
  unexpected: 'unexpected "{char}"',
  quoteOutside: 'a quoted text must be inside a shape, e.g. A["text"]',
  quoteOpen: 'a quoted text is never closed',
  closerAfterQuote: 'expected "{closer}" after the quoted text',
  shapeOpen: '"{open}" is never closed with "{closer}"',
  nodeTextLine: 'a node text must stay on one line (use quotes and #lt;br#gt; entities for more)',
  notFlowchart: 'a flowchart starts with "graph TD" (or flowchart LR/TB/BT/RL)',
  linkFirst: 'a link needs a node before it',
  labelFirst: 'a link label needs a link before it',
  shapeFirst: 'a shape needs a node id before it',
  endAlone: '"end" without a subgraph to close',
  subgraphTitle: 'a subgraph needs a title',
  linkTarget: 'the link "{link}" needs a node after it',
  labelAfterLink: 'a link label must follow a link',
  oneShape: 'a node has only one shape',
  subgraphOpen: 'subgraph "{title}" is never closed with "end"',
} as const;

export type FlowchartProblemCode = keyof typeof flowchartWordsEn;
export const flowchartProblemCodes = Object.keys(flowchartWordsEn) as FlowchartProblemCode[];

export type FlowchartValues = Record<string, string>;

/** A problem's English words with its values filled in. */
export function flowchartReasonEn(code: FlowchartProblemCode, values: FlowchartValues = {}): string {
  return flowchartWordsEn[code].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
