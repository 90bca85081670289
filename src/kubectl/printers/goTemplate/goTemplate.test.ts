/**
 * text/template as kubectl's go-template printer runs it, pinned against Go: each row of the first table was
 * checked with a Go program doing what cli-runtime pkg/printers/template.go does (template.New("output") with the
 * `exists` and `base64decode` funcs, `missingkey=default` or `missingkey=error`, the data from json.Unmarshal into
 * map[string]interface{}). The "Go 1.24" cases follow the Go 1.24 sources of golang/go src/text/template
 * (exec.go range over integers, funcs.go comparison errors and `call`, parse.go `else with`, parse/lex.go), which
 * kubectl v0.34.0 is built with, where older Go answered otherwise.
 */
import { describe, expect, it } from 'vitest';
import { fromJson } from './goValue';
import { GoTemplate, TemplateParseError } from './template';

type Result = { output: string; error?: string } | { parseError: string };

const pods = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      metadata: { name: 'web-1', labels: { app: 'web', tier: 'fe' }, annotations: { 'kubernetes.io/change-cause': 'kubectl set image', note: 'x' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }], replicas: 3 },
      status: { podIP: '10.244.1.5', phase: 'Running', hostIP: '172.18.0.3', big: 1000000, ratio: 0.25, started: true, nul: null },
    },
    { metadata: { name: 'web-2', labels: { app: 'web' } }, spec: { containers: [] }, status: { phase: 'Pending' } },
  ],
};

function run(template: string, data: unknown = pods, missingKeyError = false): Result {
  let t: GoTemplate;
  try {
    t = new GoTemplate(template);
  } catch (e) {
    if (e instanceof TemplateParseError) return { parseError: e.message };
    throw e;
  }
  const r = t.execute(fromJson(data), missingKeyError);
  return r.error === undefined ? { output: r.output } : { output: r.output, error: r.error };
}

describe('text/template on a kubectl List, as Go runs it', () => {
  const rows: [string, string, Result, boolean?][] = [
    ['debug services', '{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}', { output: '10.244.1.5\n<no value>\n' }],
    ['field chains', '{{(index .items 0).metadata.name}} {{.kind}} {{.metadata.resourceVersion}}|', { output: 'web-1 List |' }],
    ['missing keys', '{{.nope}} {{.nope.deeper}} {{(index .items 1).status.podIP}}', { output: '<no value> <no value> <no value>' }],
    ['numbers as float64', '{{range .items}}{{.spec.replicas}} {{.status.big}} {{.status.ratio}};{{end}}', { output: '3 1e+06 0.25;<no value> <no value> <no value>;' }],
    ['maps and slices', '{{with index .items 0}}{{.metadata.labels}} {{.spec.containers}} {{.status}}{{end}}', { output: 'map[app:web tier:fe] [map[image:nginx:1.27 name:nginx ports:[map[containerPort:80 protocol:TCP]]]] map[big:1e+06 hostIP:172.18.0.3 nul:<nil> phase:Running podIP:10.244.1.5 ratio:0.25 started:true]' }],
    ['dot', '{{with index .items 1}}{{.}}{{end}}', { output: 'map[metadata:map[labels:map[app:web] name:web-2] spec:map[containers:[]] status:map[phase:Pending]]' }],
    ['dotted annotation key', '{{range .items}}{{index .metadata.annotations "kubernetes.io/change-cause"}}|{{end}}', { output: 'kubectl set image|', error: 'template: output:1:18: executing "output" at <index .metadata.annotations "kubernetes.io/change-cause">: error calling index: index of untyped nil' }],
    ['range with index and element', '{{range $i, $p := .items}}{{$i}}:{{$p.metadata.name}} {{end}}', { output: '0:web-1 1:web-2 ' }],
    ['range over a map', '{{range $k, $v := (index .items 0).metadata.labels}}{{$k}}={{$v}},{{end}}', { output: 'app=web,tier=fe,' }],
    ['range else', '{{range (index .items 1).spec.containers}}x{{else}}no containers{{end}}', { output: 'no containers' }],
    ['if else if', '{{range .items}}{{if eq .status.phase "Running"}}up{{else if eq .status.phase "Pending"}}wait{{else}}?{{end}} {{end}}', { output: 'up wait ' }],
    ['with else', '{{with .nope}}x{{else}}none{{end}}', { output: 'none' }],
    ['variables', '{{$n := len .items}}{{$n}} {{$n = 5}}{{$n}} {{range .items}}{{$.kind}} {{end}}', { output: '2 5 List List ' }],
    ['pipelines', '{{.kind | printf "%s!" | printf "<%s>"}} {{.items | len | printf "%03d"}}', { output: '<List!> 002' }],
    ['trim markers', 'a  {{- "b" -}}  c\n  {{- /* comment */ -}}\n d', { output: 'abcd' }],
    ['comments', 'x{{/* note */}}y', { output: 'xy' }],
    ['literals', '{{"tab\\there"}} {{`raw\\n`}} {{\'a\'}} {{0x1F}} {{1e3}} {{1.5}} {{-2}} {{true}} {{1_000}}', { output: 'tab\there raw\\n 97 31 1000 1.5 -2 true 1000' }],
    ['printf verbs', '{{printf "%s|%d|%v|%q|%5.2f|%-4s|%x|%t|%T" .kind 7 .metadata "a\\"b" 3.14159 "ab" "hi" true .items}}', { output: 'List|7|map[resourceVersion:]|"a\\"b"| 3.14|ab  |6869|true|[]interface {}' }],
    ['printf with JSON numbers', '{{with index .items 0}}{{printf "%d %v %.1f %s" .spec.replicas .spec.replicas .status.ratio .status.big}}{{end}}', { output: '%!d(float64=3) 3 0.2 %!s(float64=1e+06)' }],
    ['printf errors', '{{printf "%d %s"}} {{printf "%v" 1 2}} {{printf "%z" 1}}', { output: '%!d(MISSING) %!s(MISSING) 1%!(EXTRA int=2) %!z(int=1)' }],
    ['print println', '{{print 1 2 "a" "b" 3}}|{{println "a" 1}}', { output: '1 2ab3|a 1\n' }],
    ['len index slice', '{{len .items}} {{len .kind}} {{index .kind 0}} {{slice .kind 1 3}} {{len (index .items 0).metadata.labels}}', { output: '2 4 76 is 2' }],
    ['comparisons', '{{eq 1 1}} {{ne "a" "b"}} {{lt 1 2}} {{le 2 2}} {{gt 1.5 1.0}} {{ge "b" "a"}} {{eq .kind "Pod" "List"}}', { output: 'true true true true true true true' }],
    ['and or not', '{{and 1 0 2}} {{and 1 2}} {{or 0 "" "x"}} {{not 0}} {{not .items}}', { output: '0 2 x true false' }],
    ['html js urlquery', '{{html "<a href=\'x\'>&</a>"}} {{js "it\'s <b>"}} {{urlquery "a b&c=d"}}', { output: '&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; it\\\'s \\u003Cb\\u003E a+b%26c%3Dd' }],
    ['exists', '{{exists . "items"}} {{exists . "nope"}} {{exists .items 1}} {{exists .items 2}}', { output: 'true false true false' }],
    ['base64decode', '{{base64decode "aGVsbG8="}}', { output: 'hello' }],
    ['templates', '{{define "name"}}[{{.metadata.name}}]{{end}}{{range .items}}{{template "name" .}}{{end}}', { output: '[web-1][web-2]' }],
    ['break continue', '{{range $i, $p := .items}}{{if eq $i 0}}{{continue}}{{end}}{{$p.metadata.name}}{{break}}{{end}}', { output: 'web-2' }],
    ['missingkey=error', '{{range .items}}{{.status.podIP}} {{end}}', { output: '10.244.1.5 ', error: 'template: output:1:25: executing "output" at <.status.podIP>: map has no entry for key "podIP"' }, true],
    ['missingkey=error nil data', '{{$x := .nope}}{{$x.y}}', { output: '', error: 'template: output:1:8: executing "output" at <.nope>: map has no entry for key "nope"' }, true],
    ['null field', '{{(index .items 0).status.nul.x}}', { output: '', error: 'template: output:1:16: executing "output" at <0>: nil pointer evaluating interface {}.x' }],
    ['field on a string', '{{.kind.x}}', { output: '', error: 'template: output:1:7: executing "output" at <.kind.x>: can\'t evaluate field x in type interface {}' }],
    ['index out of range', '{{index .items 2}}', { output: '', error: 'template: output:1:2: executing "output" at <index .items 2>: error calling index: reflect: slice index out of range' }],
    ['index with a float', '{{index .items (index .items 0).spec.replicas}}', { output: '', error: 'template: output:1:2: executing "output" at <index .items (index .items 0).spec.replicas>: error calling index: cannot index slice/array with type float64' }],
    ['range over a float', '{{range (index .items 0).spec.replicas}}{{end}}', { output: '', error: 'template: output:1:22: executing "output" at <0>: range can\'t iterate over 3' }],
    ['len of a number', '{{len (index .items 0).spec.replicas}}', { output: '', error: 'template: output:1:2: executing "output" at <len (index .items 0).spec.replicas>: error calling len: len of type float64' }],
    ['wrong arg count', '{{not 1 2}}', { output: '', error: 'template: output:1:2: executing "output" at <not>: wrong number of args for not: want 1 got 2' }],
    ['printf needs a string', '{{printf (index .items 0).spec.replicas}}', { output: '', error: 'template: output:1:23: executing "output" at <0>: wrong type for value; expected string; got float64' }],
    ['base64decode error', '{{base64decode "!!"}}', { output: '', error: 'template: output:1:2: executing "output" at <base64decode "!!">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0' }],
    ['second line', 'line1\n{{.nope.x}}', { output: 'line1\n', error: 'template: output:2:7: executing "output" at <.nope.x>: map has no entry for key "nope"' }, true],
    ['unexpected brace', '{{.a}', { parseError: 'template: output:1: bad character U+007D \'}\'' }],
    ['unclosed action', '{{.a', { parseError: 'template: output:1: unclosed action' }],
    ['unexpected operand', '{{.a }x}}', { parseError: 'template: output:1: unexpected "}" in operand' }],
    ['unknown function', '{{foo .a}}', { parseError: 'template: output:1: function "foo" not defined' }],
    ['undefined variable', '{{$x}}', { parseError: 'template: output:1: undefined variable "$x"' }],
    ['missing end', '{{if .a}}x', { parseError: 'template: output:1: unexpected EOF' }],
    ['unexpected end', '{{end}}', { parseError: 'template: output:1: unexpected {{end}}' }],
    ['bad number', '{{3x}}', { parseError: 'template: output:1: bad number syntax: "3x"' }],
    ['unterminated string', '{{"abc}}', { parseError: 'template: output:1: unterminated quoted string' }],
    ['non executable', '{{.a | "x"}}', { parseError: 'template: output:1: non executable command in pipeline stage 2' }],
    ['unclosed in multi-line action', '{{.a\n', { parseError: 'template: output:2: unclosed action started at output:1' }],
    ['empty pipeline', '{{if}}{{end}}', { parseError: 'template: output:1: missing value for if' }],
    ['break outside range', '{{break}}', { parseError: 'template: output:1: {{break}} outside {{range}}' }],
  ];
  for (const [name, template, want, missingKeyError] of rows) {
    it(name, () => expect(run(template, pods, missingKeyError)).toEqual(want));
  }
});

describe('Go 1.24 behaviour (golang/go src/text/template, Go 1.24)', () => {
  it('ranges over an integer constant, and refuses two variables for it (exec.go walkRange)', () => {
    expect(run('{{range 3}}{{.}}{{end}}|{{range $i := 2}}{{$i}}{{end}}|{{range 0}}x{{else}}none{{end}}')).toEqual({ output: '012|01|none' });
    expect(run('{{range $i, $v := 3}}{{end}}')).toEqual({
      output: '',
      error: 'template: output:1:18: executing "output" at <3>: can\'t use 3 to iterate over more than one variable',
    });
  });

  it('still refuses to range over a JSON number, a float64 (exec.go walkRange)', () => {
    expect(run('{{range .n}}{{end}}', { n: 3 })).toEqual({ output: '', error: 'template: output:1:8: executing "output" at <.n>: range can\'t iterate over 3' });
  });

  it('names both types when eq, lt and friends cannot compare (funcs.go eq, lt)', () => {
    expect(run('{{eq .spec.replicas 3}}', pods.items[0])).toEqual({
      output: '',
      error: 'template: output:1:2: executing "output" at <eq .spec.replicas 3>: error calling eq: incompatible types for comparison: float64 and int',
    });
    expect(run('{{eq .spec.replicas 3.0}} {{lt 1 "a"}}', pods.items[0])).toEqual({
      output: 'true ',
      error: 'template: output:1:28: executing "output" at <lt 1 "a">: error calling lt: incompatible types for comparison: int and string',
    });
  });

  it('parses else with (parse.go parseControl)', () => {
    expect(run('{{with .nope}}a{{else with .kind}}{{.}}{{else}}c{{end}}')).toEqual({ output: 'List' });
  });

  it('reports an unbalanced right paren from the lexer (parse/lex.go lexInsideAction)', () => {
    expect(run('{{)}}')).toEqual({ parseError: 'template: output:1: unexpected right paren' });
  });

  it('names the callee when call gets no function (funcs.go call)', () => {
    expect(run('{{call .kind}}')).toEqual({
      output: '',
      error: 'template: output:1:2: executing "output" at <call .kind>: error calling call: non-function .kind of type string',
    });
  });
});

describe('value printing (fmt %v of interface values, golang/go src/fmt/print.go)', () => {
  it('prints JSON numbers as float64: shortest digits, exponent from 1e21 on for %v', () => {
    expect(run('{{.a}} {{.b}} {{.c}} {{.d}} {{.e}}', { a: 80, b: 1e6, c: 123456789, d: 0.0001, e: -2.5 })).toEqual({ output: '80 1e+06 1.23456789e+08 0.0001 -2.5' });
  });

  it('prints nested maps with sorted keys, slices with spaces, null as <nil> inside and <no value> alone', () => {
    expect(run('{{.m}} {{.l}} {{.n}}', { m: { b: [1, 'x', null], a: { z: true } }, l: [], n: null })).toEqual({ output: 'map[a:map[z:true] b:[1 x <nil>]] [] <no value>' });
  });
});
