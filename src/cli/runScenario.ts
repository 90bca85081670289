/** `svcsim run FILE|NAME`: plays a scenario headless; the exit status says whether every check passed. */
import { playHeadless } from '../scenario/headless';
import { builtinScenarios, builtinScenarioText } from '../scenario/library';
import { formatScenarioErrors, parseScenario } from '../scenario/parseScenario';
import type { ScenarioLanguage } from '../scenario/types';

/** Returns the exit status: 0 all checks passed, 1 a check failed, 2 bad usage or an invalid scenario. */
export function runScenarioCommand(
  args: string[],
  readFile: (path: string) => string,
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  let lang: ScenarioLanguage = 'en';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(7) : args[++i];
      if (v !== 'en' && v !== 'zh-TW') {
        err('svcsim: --lang must be en or zh-TW\n');
        return 2;
      }
      lang = v;
    } else positional.push(a);
  }
  if (positional.length !== 1) {
    err(`svcsim: run needs one scenario file or built-in name (built-in: ${builtinScenarios.map((s) => s.name).join(', ')})\n`);
    return 2;
  }
  const source = positional[0];
  let text = builtinScenarioText(source);
  if (text === undefined) {
    try {
      text = readFile(source);
    } catch (e) {
      err(`svcsim: cannot read ${source}: ${(e as Error).message} (built-in scenarios: ${builtinScenarios.map((s) => s.name).join(', ')})\n`);
      return 2;
    }
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    err(formatScenarioErrors(source, parsed.errors));
    return 2;
  }
  const result = playHeadless(parsed.scenario, lang);
  out(result.text);
  return result.failed === 0 ? 0 : 1;
}
