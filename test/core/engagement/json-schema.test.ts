import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { engagementJsonSchema } from '../../../core/engagement/index.ts';
import { read } from './helpers.ts';

describe('the JSON Schema', () => {
  it('is committed as generated from the zod schema (run `npm run schema` after changing the format)', () => {
    expect(JSON.parse(read('schema/engagement.schema.json'))).toEqual(engagementJsonSchema());
  });

  it('is draft-07, describes the file as written, and keeps the patterns editors check', () => {
    const schema = engagementJsonSchema() as { $schema: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['tandem', 'engagement', 'parties', 'calendars', 'priorities', 'activities']);
    expect(Object.keys(schema.properties)).toContain('escalation');
    const text = JSON.stringify(schema);
    expect(text).toContain('"const":1');
    expect(text).toContain('"24x7"');
    expect(text).toContain('pending_customer');
  });
});

describe('an editor validating with the JSON Schema', () => {
  // What yaml-language-server does: it validates the parsed YAML against the schema with a draft-07 validator.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(engagementJsonSchema());

  it.each(['examples/acme-ost.yaml', 'test/fixtures/engagements/minimal.yaml'])('accepts %s', (file) => {
    const ok = validate(parse(read(file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('flags a misspelt key and a bad duration', () => {
    const text = read('test/fixtures/engagements/minimal.yaml').replace('pauseWhen', 'pauseWehn').replace('resolution: 4h', 'resolution: 4d');
    expect(validate(parse(text))).toBe(false);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(messages).toContain('/sla/joint must NOT have additional properties');
    expect(messages.some((m) => m.startsWith('/sla/joint/targets/P1/resolution must match pattern'))).toBe(true);
  });
});
