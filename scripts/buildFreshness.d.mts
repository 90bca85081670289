// Types for scripts/buildFreshness.mjs (plain JavaScript, so `npm start` runs it with node alone).
export declare const buildInputs: string[];
export declare function staleReason(root: string): string | null;
export declare function buildIfStale(root: string, who: string): number;
