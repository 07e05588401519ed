import Ajv, { type ValidateFunction } from 'ajv';

/**
 * Validates JSON against a schema of a contract document (OpenAPI or AsyncAPI), its `#/components/...`
 * references resolved in that document. Not strict: OpenAPI schemas carry `example`, which JSON Schema does not know.
 */
export class DocumentSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: { components?: unknown }) {}

  /** ajv's complaints about `value` as the component schema `name`, empty when it fits. */
  errors(name: string, value: unknown): string[] {
    return this.check(`#/components/schemas/${name}`, value);
  }

  /** The same for any schema of the document, given as a JSON pointer or inline. */
  check(schema: string | object, value: unknown): string[] {
    const key = typeof schema === 'string' ? schema : JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile({ ...(typeof schema === 'string' ? { $ref: schema } : schema), components: this.document.components });
      this.compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  }
}

/** Every `$ref` in a document that points at nothing in it. */
export const danglingRefs = (document: unknown): string[] => {
  const found: string[] = [];
  const resolve = (pointer: string): unknown =>
    pointer
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && resolve(value) === undefined) found.push(value);
        else walk(value);
      }
    }
  };
  walk(document);
  return found;
};
