/** `--for` parsing and checks (kubectl pkg/cmd/wait/wait.go conditionFuncFor, condition.go, json.go v0.34.1). */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { CommandError } from '../cli/errors';
import { WaitCheckError, parseWaitCondition } from './waitConditions';

const obj = (o: unknown) => o as KubeObject;
const check = (spec: string, o: unknown) => {
  const c = parseWaitCondition(spec);
  if (c.type !== 'check') throw new Error('not a check');
  return c.check(obj(o));
};
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('parseWaitCondition', () => {
  it('compares condition status case-insensitively, true by default', () => {
    const pod = { status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(check('condition=ready', pod)).toBe(true);
    expect(check('condition=Ready=false', pod)).toBe(false);
    expect(check('condition=Available', pod)).toBe(false);
  });

  it('ignores conditions observed for an older generation', () => {
    const d = { metadata: { generation: 3 }, status: { observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] } };
    expect(check('condition=Available', d)).toBe(false);
  });

  it('matches JSONPath values and presence', () => {
    const pod = { status: { phase: 'Running', podIPs: [{ ip: 'a' }, { ip: 'b' }] } };
    expect(check('jsonpath={.status.phase}=Running', pod)).toBe(true);
    expect(check('jsonpath={.status.phase}="Pending"', pod)).toBe(false);
    expect(check('jsonpath={.status.phase}', pod)).toBe(true);
    expect(check('jsonpath={.status.missing}', pod)).toBe(false);
    expect(errorOf(() => check('jsonpath={.status.podIPs[*].ip}=a', pod))).toBe('given jsonpath expression matches more than one value');
    expect(errorOf(() => check('jsonpath={.status}=x', pod))).toBe('jsonpath leads to a nested object or list which is not supported');
    expect(() => check('jsonpath={.status}=x', pod)).toThrow(WaitCheckError);
  });

  it('rejects malformed conditions with kubectl texts', () => {
    expect(parseWaitCondition('Delete').type).toBe('delete');
    expect(parseWaitCondition('create').type).toBe('create');
    expect(errorOf(() => parseWaitCondition('ready'))).toBe('unrecognized condition: "ready"');
    expect(errorOf(() => parseWaitCondition('jsonpath={.a}='))).toBe(
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    );
    expect(errorOf(() => parseWaitCondition('jsonpath={.a}=1=2'))).toBe(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
    expect(() => parseWaitCondition('nope')).toThrow(CommandError);
  });
});
