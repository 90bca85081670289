/** Monaco's worker bootstrap (monaco-editor esm/vs/editor/editor.worker.js), which ships without types. */
declare module 'monaco-editor/editor/editor.worker.js' {
  export function initialize<Context>(factory: (ctx: Context, createData: unknown) => object): void;
}
