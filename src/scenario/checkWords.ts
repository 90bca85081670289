/**
 * How a scenario check is worded: every phrase code a check result uses, with its English template. The
 * evaluation (stepChecks.ts, trafficChecks.ts) produces phrases and no language; `svcsim run` prints them with
 * these English words, the UI with its catalogs' `check.<code>` messages (src/i18n), which must say exactly this
 * in English (src/i18n/checkPhrases.test.ts) and have every code in 繁體中文 too.
 */
import { type Phrase, type PhraseValue, phrase, renderPhrase } from '../shared/phrase';

export const checkWordsEn = {
  'list.comma': ', ',
  'list.semicolon': '; ',
  /** A value printed as it is: a phase, a Service type, an apiserver message. */
  value: '{value}',
  /** A list of phrases and nothing else. */
  all: '{items}',
  gone: 'gone',
  exists: 'exists',
  notFound: 'not found',
  ready: 'Ready',
  notReady: 'not Ready',
  endpoints: 'endpoints {service}: {want}',
  'endpoints.ready': '{n} ready',
  'endpoints.notReady': '{n} not ready',
  'endpoints.exist': 'exist',
  'endpoints.none': 'no Endpoints object',
  'endpoints.found': '{ready} ready, {notReady} not ready',
  pod: 'pod {name}: {want}',
  'pod.found': '{phase}, {ready}',
  pods: 'pods -l {selector}: {want}',
  'pods.count': '{n} pods',
  'pods.ready': '{n} Ready',
  'pods.some': 'some',
  'pods.found': '{count} pods, {ready} Ready',
  service: 'service {name}: {want}',
  'service.headless': 'clusterIP None',
  'service.clusterIP': 'a cluster IP',
  'service.nodePort': 'a node port',
  'service.noNodePort': 'no node port',
  'service.found': '{type}, clusterIP {ip}, {nodePort}',
  'output.prints': '`{command}` prints "{text}"',
  'output.doesNotPrint': '`{command}` does not print "{text}"',
  'output.printsOnce': '`{command}` prints "{text}" {n} time',
  'output.printsTimes': '`{command}` prints "{text}" {n} times',
  'output.asExpected': 'as expected',
  'output.missing': '"{text}" missing',
  'output.printed': '"{text}" printed',
  'output.seenOnce': '"{text}" {n} time',
  'output.seenTimes': '"{text}" {n} times',
  traffic: 'traffic: {want}',
  'traffic.all.connected': 'every connection answered',
  'traffic.all.refused': 'every connection refused',
  'traffic.all.timeout': 'every connection timed out',
  'traffic.all.no-route': 'every connection found no route',
  'traffic.podAnswered': '{n} pod answered',
  'traffic.podsAnswered': '{n} pods answered',
  'traffic.clientKept': "the pod saw the client's own IP",
  'traffic.clientReplaced': "the pod saw a node's IP (SNAT)",
  'traffic.none': 'no svcsim load or trace has run',
  'traffic.found': '{seen} ({command})',
  'traffic.connected': '{n} connected',
  'traffic.refused': '{n} refused',
  'traffic.timeout': '{n} timeout',
  'traffic.no-route': '{n} no-route',
  'traffic.saw': 'the pod saw {ip}',
  'traffic.sawClient': 'the pod saw {ip} (the client)',
  proxyMode: 'kube-proxy mode {mode} on {node}',
  'proxyMode.everyNode': 'kube-proxy mode {mode} on every node',
  'proxyMode.node': '{node} {mode}',
  'proxyMode.noProxy': '{node} no kube-proxy',
  'proxyMode.noNodes': 'no nodes',
} as const;

export type CheckCode = keyof typeof checkWordsEn;
export const checkCodes = Object.keys(checkWordsEn) as CheckCode[];

/** A phrase of a check, its code typed (so a code without English words does not compile). */
export const checkPhrase = (code: CheckCode, values?: Record<string, PhraseValue>): Phrase => phrase(code, values);

/** A check phrase in English, as `svcsim run` prints it. */
export const inEnglish = (p: Phrase): string => renderPhrase(p, (code) => (checkWordsEn as Record<string, string>)[code] ?? `{${code}}`);

/** What a check asserts and what the cluster has, as phrases: worded in English here, in any language by the UI. */
export interface CheckResult {
  ok: boolean;
  /** What is asserted, in English (`endpoints alpaca-prod: 1 ready`). */
  expected: string;
  /** What the cluster has, in English (`0 ready, 1 not ready`). */
  actual: string;
  /** The same two as phrases, for a reader of another language. */
  phrases: { expected: Phrase; actual: Phrase };
}

/** A check result from its phrases, with the English text `svcsim run` and the presenter API print. */
export function checkResult(ok: boolean, expected: Phrase, actual: Phrase): CheckResult {
  return { ok, expected: inEnglish(expected), actual: inEnglish(actual), phrases: { expected, actual } };
}
