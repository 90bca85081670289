/**
 * `printf` in kubectl templates is Go's fmt.Sprintf (golang/go src/fmt/print.go, format.go; strconv ftoa.go
 * and quote.go). Each row was checked with a Go program running the same template on the same JSON data
 * through text/template: data numbers are float64, constants are int or float64 by their spelling.
 */
import { describe, expect, it } from 'vitest';
import { fromJson } from './goValue';
import { GoTemplate } from './template';

const data = { s: 'héllo', n: 3, f: 12.34567, m: { b: [1, 'x', null], a: true }, l: ['a', 'b'], q: 'a"b\\c\n\t\x01é' };

const printf = (format: string, args: string) => new GoTemplate(`{{printf ${JSON.stringify(format)} ${args}}}`).execute(fromJson(data)).output;

describe('printf as fmt.Sprintf', () => {
  const rows: [string, string, string, string][] = [
    ['strings', '%s|%q|%v|%x|%X|%10s|%-10s|%.2s|%#q|%+q', '.s .s .s .s .s .s .s .s "a`b" .s', 'héllo|"héllo"|héllo|68c3a96c6c6f|68C3A96C6C6F|     héllo|héllo     |hé|"a`b"|"h\\u00e9llo"'],
    ['quoting escapes', '%q %+q %#q', '.q .q .q', '"a\\"b\\\\c\\n\\t\\x01é" "a\\"b\\\\c\\n\\t\\x01\\u00e9" "a\\"b\\\\c\\n\\t\\x01é"'],
    ['integers', '%d|%5d|%-5d|%05d|%+d|% d|%x|%#x|%X|%o|%#o|%O|%b|%c|%q|%U|%#U|%.3d', '42 42 42 -42 42 42 255 255 255 8 8 8 5 65 65 9731 9731 7', '42|   42|42   |-0042|+42| 42|ff|0xff|FF|10|010|0o10|101|A|\'A\'|U+2603|U+2603 \'☃\'|007'],
    ['floats', '%v|%e|%E|%f|%g|%G|%.0f|%.2f|%8.3f|%-8.2f|%08.2f|%+.1e|%x|%b', '.f .f .f .f .f .f 2.5 .f .f .f -1.5 12345.678 1.0 1.0', '12.34567|1.234567e+01|1.234567E+01|12.345670|12.34567|12.34567|2|12.35|  12.346|12.35   |-0001.50|+1.2e+04|0x1p+00|4503599627370496p-52'],
    ['float defaults', '%v %v %v %v %v %v', '1e20 1e21 100000.0 1234567.0 0.000012 -0.0', '1e+20 1e+21 100000 1.234567e+06 1.2e-05 -0'],
    ['round half to even', '%.0f %.0f %.0f %.1f %.2f', '0.5 1.5 2.5 0.25 1.005', '0 2 2 0.2 1.00'],
    ['sharp floats', '%#g %#.3g %#v %#.0f %#e', '1.0 1.0 2.0 3.0 1.0', '1.00000 1.00 2 3. 1.000000e+00'],
    ['booleans', '%t %v %5t|%-6t|', 'true false true false', 'true false  true|false |'],
    ['composites', '%v|%+v|%#v|%d|%s|%q|%x|%T|%T', '.m .m .m .m .l .l .l .m .l', 'map[a:true b:[1 x <nil>]]|map[a:true b:[1 x <nil>]]|map[string]interface {}{"a":true, "b":[]interface {}{1, "x", interface {}(nil)}}|map[%!d(string=a):%!d(bool=true) %!d(string=b):[%!d(float64=1) %!d(string=x) <nil>]]|[a b]|["a" "b"]|[61 62]|map[string]interface {}|[]interface {}'],
    ['nil', '%v|%s|%d|%T|%#v', '.nope .nope .nope .nope .nope', '<nil>|%!s(<nil>)|%!d(<nil>)|<nil>|<nil>'],
    ['wrong verbs', '%d|%s|%t|%q|%z', '.s .n .n true .m', '%!d(string=héllo)|%!s(float64=3)|%!t(float64=3)|%!q(bool=true)|map[%!z(string=a):%!z(bool=true) %!z(string=b):[%!z(float64=1) %!z(string=x) <nil>]]'],
    ['missing and extra', '%s %s|', '.s', 'héllo %!s(MISSING)|'],
    ['extra', '%s', '.s .n true .nope', 'héllo%!(EXTRA float64=3, bool=true, <nil>)'],
    ['argument indexes', '%[2]s %[1]s %[2]s|%[3]d|%[x]d|%[1]*d|%-*d|', '"a" "b" 5 7', 'b a b|5|%!d(BADINDEX)|%!(BADWIDTH)%!d(string=b)|7    |'],
    ['star errors', '%*d|%.*d|%.*d', '"w" 1 -1 5 2 3', '%!(BADWIDTH)1|%!(BADPREC)5|03'],
    ['no verb', 'a%', '', 'a%!(NOVERB)'],
    ['percent', '100%% %d%%', '5', '100% 5%'],
    ['widths with unicode', '%6s|%-6s|%6q', '"é" "é" "é"', '     é|é     |   "é"'],
  ];
  for (const [name, format, args, want] of rows) {
    it(name, () => expect(printf(format, args)).toBe(want));
  }
});
