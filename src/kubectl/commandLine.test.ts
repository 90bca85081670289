/** Shell word splitting (POSIX quoting rules) for command lines typed in the terminal. */
import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './commandLine';

describe('splitCommandLine', () => {
  it.each([
    ['get pods  -o wide', ['get', 'pods', '-o', 'wide']],
    [`run a --labels="ver=1,app=alpaca,env=prod"`, ['run', 'a', '--labels=ver=1,app=alpaca,env=prod']],
    [`get pods -o jsonpath='{.items[0].metadata.name}'`, ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}']],
    [`exec p -- sh -c "echo \\"hi\\" \\$HOME"`, ['exec', 'p', '--', 'sh', '-c', 'echo "hi" $HOME']],
    [`a\\ b 'c d'e ""`, ['a b', 'c de', '']],
    ['run x \\\n  --image=y', ['run', 'x', '--image=y']],
    [`echo $(kubectl get pods) $VAR`, ['echo', '$(kubectl', 'get', 'pods)', '$VAR']],
  ])('%j', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });
});
