/**
 * The `kubectl explain` renderers (kubernetes/kubectl v0.34.0), over small made-up documents built here: the
 * `plaintext` template (pkg/explain/v2/templates/plaintext.tmpl, with the `wrap`/`indent` of pkg/explain/v2/funcs.go)
 * and the `plaintext-openapiv2` printers (pkg/explain: field_lookup.go, model_printer.go, fields_printer.go,
 * recursive_fields_printer.go, typename.go, formatter.go). The expected texts follow those line by line; the
 * descriptions and enums are invented, shaped as a 1.34 apiserver serves them (a field of a named type is
 * `allOf: [{$ref}]` beside its description; an enum field carries `enum` and a "Possible enum values" paragraph, as
 * kube-openapi pkg/generators/enum.go writes it). explain.test.ts runs kubectl explain on svcsim's own schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ExplainDocument } from './explainDocument';
import { renderPlaintext } from './plaintext';
import { renderOpenApiV2, V2FieldError } from './plaintextOpenApiV2';

/** Lines joined with newlines; kubectl's blank lines inside a description keep their indentation. */
const lines = (...l: string[]) => `${l.join('\n')}\n`;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A made-up kind in the shape of the apiserver's OpenAPI v3 document: a named-type field (`spec`), enums (one with
 * the empty value and more than the four the field list shows), a map, an array of a type that refers to itself,
 * an IntOrString, a required field, a field without description; properties out of order (kubectl sorts them).
 */
const fixture: ExplainDocument = {
  kinds: { 'example.com/v1/Widget': 'Widget' },
  components: {
    schemas: {
      Widget: {
        description: 'Widget is a made-up kind for these tests.',
        type: 'object',
        properties: {
          spec: { allOf: [ref('WidgetSpec')], description: 'What the widget should look like.' },
          kind: { description: 'The kind.', type: 'string' },
          apiVersion: { description: 'The version.', type: 'string' },
        },
      },
      WidgetSpec: {
        description: 'WidgetSpec describes a widget.',
        type: 'object',
        required: ['size'],
        properties: {
          size: { description: 'Size in centimetres.', type: 'integer' },
          color: {
            description:
              'Color of the widget, picked from the palette that the factory keeps in stock this season.\n\nPossible enum values:\n - `"Blue"` paints it blue.\n - `"Red"` paints it red, which takes a second coat on most of the bigger widgets.',
            type: 'string',
            enum: ['Blue', 'Red'],
          },
          finish: { description: 'Surface finish.', type: 'string', enum: ['', 'Gloss', 'Matte', 'Satin', 'Velvet'] },
          labels: { description: 'Labels to keep.', type: 'object', additionalProperties: { type: 'string' } },
          note: { type: 'string' },
          parts: { description: 'The parts it is built from.', type: 'array', items: ref('Part') },
          port: { allOf: [ref('IntOrString')], description: 'The port, by number or name.' },
        },
      },
      Part: {
        description: 'Part is one piece of a widget.',
        type: 'object',
        required: ['name'],
        properties: {
          name: { description: 'Name of the part.', type: 'string' },
          spare: { allOf: [ref('Part')], description: 'A spare for this part.' },
        },
      },
      IntOrString: { description: 'IntOrString holds a number or a name.', oneOf: [{ type: 'integer' }, { type: 'string' }] },
    },
  },
};
const widget = { group: 'example.com', version: 'v1', kind: 'Widget' };
const plaintext = (path: string[], recursive = false, gvk = widget) => renderPlaintext(fixture, gvk, 'Widget', path, recursive);
const openApiV2 = (path: string[], recursive = false) => renderOpenApiV2(fixture, widget, 'Widget', path, recursive);

describe('the plaintext template (kubernetes/kubectl v0.34.0 pkg/explain/v2/templates/plaintext.tmpl)', () => {
  it('explains an enum field: ENUM lines, one blank line, then the description wrapped at 76, blank lines indented', () => {
    const r = plaintext(['spec', 'color']);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(
      lines(
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'FIELD: color <string>',
        'ENUM:',
        '    Blue',
        '    Red',
        '',
        'DESCRIPTION:',
        '    Color of the widget, picked from the palette that the factory keeps in stock',
        '    this season.',
        '    ',
        '    Possible enum values:',
        '     - `"Blue"` paints it blue.',
        '     - `"Red"` paints it red, which takes a second coat on most of the bigger',
        '    widgets.',
        '    ',
        '',
      ),
    );
  });

  it('explains a field of a named type: two blank lines after FIELD, the field and type descriptions, FIELDS', () => {
    expect(plaintext(['spec']).stdout).toBe(
      lines(
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'FIELD: spec <WidgetSpec>',
        '',
        '',
        'DESCRIPTION:',
        '    What the widget should look like.',
        '    WidgetSpec describes a widget.',
        '    ',
        'FIELDS:',
        '  color\t<string>',
        '  enum: Blue, Red',
        '    Color of the widget, picked from the palette that the factory keeps in stock',
        '    this season.',
        '    ',
        '    Possible enum values:',
        '     - `"Blue"` paints it blue.',
        '     - `"Red"` paints it red, which takes a second coat on most of the bigger',
        '    widgets.',
        '',
        // four values at most, the empty one quoted
        '  finish\t<string>',
        '  enum: "", Gloss, Matte, Satin, ....',
        '    Surface finish.',
        '',
        '  labels\t<map[string]string>',
        '    Labels to keep.',
        '',
        '  note\t<string>',
        '    <no description>',
        '',
        '  parts\t<[]Part>',
        '    The parts it is built from.',
        '',
        '  port\t<IntOrString>',
        '    The port, by number or name.',
        '',
        '  size\t<integer> -required-',
        '    Size in centimetres.',
        '',
        '',
      ),
    );
  });

  it('explains an array of objects: []Kind, the item type described after the field, -required- fields', () => {
    expect(plaintext(['spec', 'parts']).stdout).toBe(
      lines(
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'FIELD: parts <[]Part>',
        '',
        '',
        'DESCRIPTION:',
        '    The parts it is built from.',
        '    Part is one piece of a widget.',
        '    ',
        'FIELDS:',
        '  name\t<string> -required-',
        '    Name of the part.',
        '',
        '  spare\t<Part>',
        '    A spare for this part.',
        '',
        '',
      ),
    );
    // a named type that is not an object is described by its own text too
    expect(plaintext(['spec', 'port']).stdout).toContain(lines('FIELD: port <IntOrString>', '', '', 'DESCRIPTION:', '    The port, by number or name.', '    IntOrString holds a number or a name.', '    ', ''));
  });

  it('explains a kind: no GROUP line for the core group, the fields sorted', () => {
    expect(plaintext([], false, { group: '', version: 'v1', kind: 'Widget' }).stdout).toBe(
      lines(
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Widget is a made-up kind for these tests.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    The version.',
        '',
        '  kind\t<string>',
        '    The kind.',
        '',
        '  spec\t<WidgetSpec>',
        '    What the widget should look like.',
        '',
        '',
      ),
    );
  });

  it('prints the header, then fails on a field the schema lacks, naming the last name of the path', () => {
    expect(plaintext(['spec', 'foo'])).toEqual({ stdout: lines('GROUP:      example.com', 'KIND:       Widget', 'VERSION:    v1', ''), error: 'error: field "foo" does not exist' });
    // the template follows the path to its end before it complains
    expect(plaintext(['bar', 'baz']).error).toBe('error: field "baz" does not exist');
  });

  it('prints the field tree when recursive: two spaces a level, enum lines, no descriptions, cycles cut', () => {
    expect(plaintext([], true).stdout).toBe(
      lines(
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Widget is a made-up kind for these tests.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '  kind\t<string>',
        '  spec\t<WidgetSpec>',
        '    color\t<string>',
        '    enum: Blue, Red',
        '    finish\t<string>',
        '    enum: "", Gloss, Matte, Satin, ....',
        '    labels\t<map[string]string>',
        '    note\t<string>',
        '    parts\t<[]Part>',
        '      name\t<string> -required-',
        '      spare\t<Part>',
        '    port\t<IntOrString>',
        '    size\t<integer> -required-',
        '',
      ),
    );
  });
});

describe('the openapiv2 printers (kubernetes/kubectl v0.34.0 pkg/explain model_printer.go, fields_printer.go)', () => {
  it('prints RESOURCE for an object field, its descriptions a blank line apart, and FIELDS wrapped at 80', () => {
    expect(openApiV2(['spec'])).toBe(
      lines(
        'KIND:     Widget',
        'VERSION:  example.com/v1',
        '',
        'RESOURCE: spec <Object>',
        '',
        'DESCRIPTION:',
        '     What the widget should look like.',
        '',
        '     WidgetSpec describes a widget.',
        '',
        'FIELDS:',
        '   color\t<string>',
        '     Color of the widget, picked from the palette that the factory keeps in',
        '     stock this season.',
        '',
        '     Possible enum values:',
        '     - `"Blue"` paints it blue.',
        '     - `"Red"` paints it red, which takes a second coat on most of the bigger',
        '     widgets.',
        '',
        '   finish\t<string>',
        '     Surface finish.',
        '',
        '   labels\t<map[string]string>',
        '     Labels to keep.',
        '',
        // no description: no line for it
        '   note\t<string>',
        '',
        // the v2 type names: a referenced object is Object, IntOrString a string
        '   parts\t<[]Object>',
        '     The parts it is built from.',
        '',
        '   port\t<string>',
        '     The port, by number or name.',
        '',
        '   size\t<integer> -required-',
        '     Size in centimetres.',
        '',
      ),
    );
  });

  it('prints the field tree when recursive: three spaces a level, no -required-, cycles cut', () => {
    expect(openApiV2([], true)).toBe(
      lines(
        'KIND:     Widget',
        'VERSION:  example.com/v1',
        '',
        'DESCRIPTION:',
        '     Widget is a made-up kind for these tests.',
        '',
        'FIELDS:',
        '   apiVersion\t<string>',
        '   kind\t<string>',
        '   spec\t<Object>',
        '      color\t<string>',
        '      finish\t<string>',
        '      labels\t<map[string]string>',
        '      note\t<string>',
        '      parts\t<[]Object>',
        '         name\t<string>',
        '         spare\t<Object>',
        '      port\t<string>',
        '      size\t<integer>',
      ),
    );
  });

  it('prints FIELD for a primitive, where the lookup stops, and fails on the first missing name', () => {
    expect(openApiV2(['spec', 'size', 'foo'])).toBe(lines('KIND:     Widget', 'VERSION:  example.com/v1', '', 'FIELD:    foo <integer>', '', 'DESCRIPTION:', '     Size in centimetres.'));
    expect(() => openApiV2(['spec', 'bogus', 'x'])).toThrow(new V2FieldError('field "bogus" does not exist'));
  });
});
