/**
 * Reads a YAML document node by node, collecting errors at the line and column of the offending node (the `yaml`
 * package's node ranges through a LineCounter), so a scenario author is pointed at the exact place.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';
import type { Localized, ScenarioError } from './types';

export type YamlNode = Node | null | undefined;

export class YamlReader {
  readonly errors: ScenarioError[] = [];

  constructor(private readonly lines: LineCounter) {}

  /** Records a problem at `node` (or at `fallback` when the node is absent, e.g. a missing key's mapping). */
  error(node: YamlNode, path: string, message: string, fallback?: YamlNode): void {
    const at = node?.range?.[0] ?? fallback?.range?.[0] ?? 0;
    const pos = this.lines.linePos(at);
    this.errors.push({ line: pos.line, column: pos.col, path, message });
  }

  /** A mapping's entries by key; unknown keys are errors (a typo must not silently mean the default). */
  map(node: YamlNode, path: string, allowed: readonly string[]): Map<string, Node> | undefined {
    if (!isMap(node)) {
      this.error(node, path, 'must be a mapping');
      return undefined;
    }
    const out = new Map<string, Node>();
    for (const item of node.items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const keyPath = path ? `${path}.${key}` : String(key);
      if (key === undefined || !allowed.includes(key)) {
        this.error(item.key as Node, keyPath, `unknown field "${key}" (known: ${allowed.join(', ')})`);
        continue;
      }
      out.set(key, (item.value ?? null) as Node);
    }
    return out;
  }

  /** A required key of a mapping read by {@link map}. */
  required(entries: Map<string, Node>, key: string, path: string, parent: YamlNode): Node | undefined {
    const v = entries.get(key);
    if (v === undefined) this.error(parent, path ? `${path}.${key}` : key, 'is required');
    return v;
  }

  seq(node: YamlNode, path: string): Node[] | undefined {
    if (!isSeq(node)) {
      this.error(node, path, 'must be a list');
      return undefined;
    }
    return node.items as Node[];
  }

  private scalar(node: YamlNode): Scalar | undefined {
    return isScalar(node) ? node : undefined;
  }

  str(node: YamlNode, path: string): string | undefined {
    const s = this.scalar(node);
    if (!s || typeof s.value !== 'string') {
      this.error(node, path, 'must be a string');
      return undefined;
    }
    return s.value;
  }

  /** A string, or a number written without quotes (`seed: 7` for a string field is what people type). */
  text(node: YamlNode, path: string): string | undefined {
    const s = this.scalar(node);
    if (s && (typeof s.value === 'string' || typeof s.value === 'number')) return String(s.value);
    this.error(node, path, 'must be a string');
    return undefined;
  }

  int(node: YamlNode, path: string, min = 0): number | undefined {
    const s = this.scalar(node);
    if (!s || typeof s.value !== 'number' || !Number.isInteger(s.value) || s.value < min) {
      this.error(node, path, `must be an integer ≥ ${min}`);
      return undefined;
    }
    return s.value;
  }

  bool(node: YamlNode, path: string): boolean | undefined {
    const s = this.scalar(node);
    if (!s || typeof s.value !== 'boolean') {
      this.error(node, path, 'must be true or false');
      return undefined;
    }
    return s.value;
  }

  oneOf<T extends string>(node: YamlNode, path: string, values: readonly T[]): T | undefined {
    const v = this.str(node, path);
    if (v === undefined) return undefined;
    if (!values.includes(v as T)) {
      this.error(node, path, `must be one of ${values.join(', ')}, not "${v}"`);
      return undefined;
    }
    return v as T;
  }

  /** A string or a list of strings. */
  strings(node: YamlNode, path: string): string[] | undefined {
    if (isSeq(node)) {
      const out: string[] = [];
      node.items.forEach((item, i) => {
        const s = this.str(item as Node, `${path}[${i}]`);
        if (s !== undefined) out.push(s);
      });
      return out;
    }
    const s = this.str(node, path);
    return s === undefined ? undefined : [s];
  }

  /** Text per language: a plain string is English; a mapping has `en` and may have `zh-TW`. */
  localized(node: YamlNode, path: string): Localized | undefined {
    if (isScalar(node)) {
      const s = this.str(node, path);
      return s === undefined ? undefined : { en: s };
    }
    const m = this.map(node, path, ['en', 'zh-TW']);
    if (!m) return undefined;
    const en = this.required(m, 'en', path, node);
    const enText = en === undefined ? undefined : this.str(en, `${path}.en`);
    if (enText === undefined) return undefined;
    const out: Localized = { en: enText };
    const zh = m.get('zh-TW');
    if (zh !== undefined) {
      const t = this.str(zh, `${path}.zh-TW`);
      if (t !== undefined) out['zh-TW'] = t;
    }
    return out;
  }
}

/** `30s`, `5m`, `1h`, `500ms` → milliseconds (Go's time.ParseDuration units a scenario needs). */
export function parseDurationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}
