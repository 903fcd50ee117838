import fc from "fast-check";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { buildOpenApiDocument } from "./openapi.document";

/**
 * Property-based fuzzing of every /api/v1 operation in the OpenAPI document (issue 14): generated strings with NUL
 * bytes, lone surrogates, overlong and broken percent-encodings and huge numbers go into path parameters, query
 * parameters and JSON bodies shaped after the operation's schema. The caller is an admin with a bearer token, so
 * every request reaches validation (and, when it passes, the service). Bad input must answer 4xx with the error
 * body; a 5xx is a bug.
 *
 * FUZZ_RUNS raises the runs per operation (default 10 keeps the file well under a minute); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** Hostile fragments; the generator glues them to each other and to arbitrary code points. */
const NASTY = [
  "\u0000",
  "a\u0000b",
  "\uD800", // lone high surrogate
  "\uDFFF", // lone low surrogate
  "\uDBFF\uDBFF",
  "%00",
  "%C0%AF", // overlong "/"
  "%C0%80", // overlong NUL
  "%E0%80%AF",
  "%ED%A0%80", // UTF-8 of a surrogate
  "%FF%FE",
  "%E0%A4%A",
  "%",
  "%%",
  "%zz",
  "%u0041",
  "..%2F..%2F",
  "9".repeat(400),
  "99999999999999999999",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "1e309",
  "-1",
  "0x10",
  "NaN",
  "Infinity",
  "",
  " ",
  "__proto__",
  "constructor",
  "'; select 1; --",
  "<script>",
  "\u202E",
  "\uFEFF",
  "x".repeat(5000),
];
const HUGE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 1.5, -0, Number.MAX_SAFE_INTEGER];

const fuzzString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 4 }).map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
);

/**
 * Percent-encodes for a URL while keeping the hostile parts hostile: "%" stays raw (so "%zz" and "%E0%A4%A" reach
 * the server as invalid encodings) and a lone surrogate becomes its 3-byte WTF-8 form, which is invalid UTF-8.
 */
export function hostileEncode(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (/^[A-Za-z0-9\-._~%]$/.test(ch)) out += ch;
    else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function resolve(document: unknown, schema: Schema | undefined): Schema {
  if (!schema?.$ref) return schema ?? {};
  let node = document as Record<string, unknown>;
  for (const key of schema.$ref.slice(2).split("/")) node = node[key] as Record<string, unknown>;
  return resolve(document, node as Schema);
}

/** A value of roughly the schema's shape with hostile leaves, so validation of one field is passed to reach the next. */
function valueFor(document: unknown, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => valueFor(document, s, depth)));
  if (schema.allOf?.length) {
    const merged: Schema = { type: "object", properties: {}, required: [] };
    for (const part of schema.allOf.map((s) => resolve(document, s))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return valueFor(document, merged, depth);
  }
  const hostile = fc.oneof(fuzzString, fc.constantFrom<unknown>(...HUGE_NUMBERS, null, true, [], {}));
  if (depth > 3) return hostile;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  let shaped: fc.Arbitrary<unknown>;
  if (schema.enum?.length) shaped = fc.constantFrom(...schema.enum);
  else if (type === "object" || schema.properties) {
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, valueFor(document, s, depth + 1)]));
    shaped = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  } else if (type === "array") shaped = fc.array(valueFor(document, schema.items, depth + 1), { maxLength: 3 });
  else if (type === "integer" || type === "number") shaped = fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constantFrom(...HUGE_NUMBERS));
  else if (type === "boolean") shaped = fc.boolean();
  else if (schema.format === "uuid") shaped = fc.oneof(fc.uuid(), fuzzString);
  else shaped = fuzzString;
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

/** A path or query value: hostile text, or (for ids) a well-formed uuid that names nothing. */
function textFor(parameter: Parameter): fc.Arbitrary<string> {
  return parameter.schema?.format === "uuid" ? fc.oneof({ weight: 1, arbitrary: fc.uuid() }, { weight: 3, arbitrary: fuzzString }) : fuzzString;
}

interface FuzzCase {
  method: string;
  path: string;
  operation: Operation;
}

function operations(): FuzzCase[] {
  const document = buildOpenApiDocument();
  const cases: FuzzCase[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith("/api/v1/")) continue;
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (["get", "post", "put", "patch", "delete"].includes(method)) cases.push({ method, path, operation });
    }
  }
  return cases;
}

const document = buildOpenApiDocument();
const cases = operations();

describe("fuzzing every /api/v1 operation from the OpenAPI document (issue 14)", () => {
  let t: TestApp;
  let authorization: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ authorization } = await bearerFor(t, "admin"));
  });

  it("covers the whole API", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [`${c.method.toUpperCase()} ${c.path}`, c] as const))("%s: hostile params, query and body never answer 5xx", async (_name, c) => {
    const parameters = c.operation.parameters ?? [];
    const pathParams = parameters.filter((p) => p.in === "path");
    const queryParams = parameters.filter((p) => p.in === "query");
    const bodyType = Object.keys(c.operation.requestBody?.content ?? {})[0];
    const bodySchema = bodyType ? c.operation.requestBody!.content![bodyType]!.schema : undefined;

    const input = fc.record({
      path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, textFor(p)]))),
      // Each query parameter is absent, one hostile value, or repeated (Express then hands the route an array).
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof(textFor(p), fc.array(textFor(p), { minLength: 2, maxLength: 3 }))])), {
        requiredKeys: [],
      }),
      body: bodyType === "application/json" ? valueFor(document, bodySchema) : fuzzString,
    });

    await fc.assert(
      fc.asyncProperty(input, async ({ path, query, body }) => {
        const url =
          c.path.replace(/\{([^}]+)\}/g, (_m, name: string) => hostileEncode(path[name] ?? "")) +
          "?" +
          Object.entries(query)
            .flatMap(([key, value]) => ([value].flat() as string[]).map((v) => `${key}=${hostileEncode(v)}`))
            .join("&");
        let req = request(t.app)[c.method as "get"](url).set("Authorization", authorization);
        if (bodyType === "application/json") req = req.set("Content-Type", "application/json").send(JSON.stringify(body));
        else if (bodyType) req = req.set("Content-Type", bodyType).send(String(body));
        const res = await req;
        const where = `${c.method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) expect(res.body?.error?.code, where).toEqual(expect.any(String));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
