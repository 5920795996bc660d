import { z } from 'zod';
import { engagementFileSchema } from './schema.ts';


/** The JSON Schema (draft-07) of the file as written, for editors (yaml-language-server, VS Code). */
export function engagementJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(engagementFileSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return schema;
}
