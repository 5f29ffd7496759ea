// The API contract check: docs/openapi.yaml against itself, the server's route table, and
// the answers the API tests recorded.
//
//   node check.mjs lint    SPEC
//   node check.mjs routes  SPEC SERVER_BIN        (compares `SERVER_BIN --routes`)
//   node check.mjs answers SPEC RECORDED_DIR      (every *.jsonl line under RECORDED_DIR)
//
// Exits 1 with one line per mismatch: the route, and the JSON pointer where it failed.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import YAML from "yaml";

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

function loadSpec(file) {
  return YAML.parse(readFileSync(file, "utf8"));
}

function fail(problems, what) {
  for (const p of problems) console.error(`FAIL ${p}`);
  console.error(`${problems.length} problem(s) in ${what}`);
  process.exit(1);
}

async function lint(file) {
  const spec = loadSpec(file);
  // Validates against the OpenAPI 3.1 schema and resolves every $ref.
  await SwaggerParser.validate(structuredClone(spec));
  const problems = [];
  const ids = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? "")) {
        problems.push(`${where}: operationId must be a lowerCamel identifier`);
      }
      if (ids.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      const codes = op["x-error-codes"];
      const known = spec.components.schemas.ErrorCode.enum;
      if (!Array.isArray(codes)) problems.push(`${where}: no x-error-codes`);
      for (const c of codes ?? []) if (!known.includes(c)) problems.push(`${where}: unknown code ${c}`);
      for (const status of ["200", "405", "413", "500"]) {
        if (!op.responses?.[status]) problems.push(`${where}: no ${status} answer`);
      }
      if (!["open", "client", "user"].includes(op["x-access"])) problems.push(`${where}: no x-access`);
    }
  }
  if (problems.length) fail(problems, file);
  console.log(`ok: ${file} is valid OpenAPI ${spec.openapi}, ${ids.size} operations`);
}

function documentedRoutes(spec) {
  const lines = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    // One line per access a path's methods have: two older phones may share a path under
    // different methods (PUT /user with a session, POST /user open).
    const byAccess = new Map();
    for (const m of METHODS.filter((m) => item[m])) {
      const access = item[m]["x-access"];
      byAccess.set(access, [...(byAccess.get(access) ?? []), m.toUpperCase()]);
    }
    for (const [access, methods] of byAccess) {
      lines.push(`${methods.sort().join(",")} ${path} ${access}`);
    }
  }
  return lines;
}

function routes(file, serverBin) {
  const spec = loadSpec(file);
  const served = execFileSync(serverBin, ["--routes"], { encoding: "utf8", env: {} })
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [methods, path, access] = l.split(" ");
      return `${methods.split(",").sort().join(",")} ${path} ${access}`;
    });
  const documented = documentedRoutes(spec);
  const problems = [];
  for (const r of served) if (!documented.includes(r)) problems.push(`served, not documented as such: ${r}`);
  for (const r of documented) if (!served.includes(r)) problems.push(`documented, not served as such: ${r}`);
  if (problems.length) fail(problems, `${file} against ${serverBin} --routes`);
  console.log(`ok: the ${served.length} routes served are the ${documented.length} documented`);
}

// The document's path for a recorded one: the same text, or else a path whose `{name}`
// segments stand for any one non-empty segment (an older phone's /userweb/{uid}/favorites).
function documentedPathOf(spec, path) {
  if (spec.paths[path]) return path;
  const given = path.split("/");
  return Object.keys(spec.paths).find((pattern) => {
    if (!pattern.includes("{")) return false;
    const wanted = pattern.split("/");
    return wanted.length === given.length &&
      wanted.every((w, i) => (/^\{[^/]+\}$/.test(w) ? given[i] !== "" : w === given[i]));
  }) ?? path;
}

function answers(file, dir) {
  const spec = loadSpec(file);
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  // The document is one schema resource, so that "#/components/..." refs resolve.
  ajv.addSchema({ ...spec, $id: "openapi" }, "openapi");
  const validators = new Map();
  const validatorFor = (pointer) => {
    if (!validators.has(pointer)) {
      validators.set(pointer, ajv.compile({ $ref: `openapi#${pointer}` }));
    }
    return validators.get(pointer);
  };
  const escape = (s) => s.replaceAll("~", "~0").replaceAll("/", "~1");
  const responseSchema = (op, status) => {
    let response = op.responses[String(status)] ?? op.responses.default;
    let pointer = null;
    if (response?.$ref) {
      pointer = response.$ref.slice(1);
      response = response.$ref.split("/").slice(1).reduce((o, k) => o[k], spec);
    }
    return pointer ? `${pointer}/content/application~1json/schema` : null;
  };

  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")) : [];
  const problems = [];
  const seen = new Set();
  let count = 0;
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { method, path: recorded, status, body } = JSON.parse(line);
      const path = documentedPathOf(spec, recorded);
      const where = `${method} ${path} -> ${status}`;
      const item = spec.paths[path];
      const op = item?.[method.toLowerCase()];
      let pointer;
      if (op) {
        pointer = responseSchema(op, status);
        seen.add(`${method} ${path}`);
      } else {
        // An unknown route, or a method the route does not take: a protocol fault.
        if (status < 400) {
          problems.push(`${where}: answered ${status}, but the document has no ${method} ${path}`);
          continue;
        }
        const fault = { 404: "NotFound", 405: "MethodNotAllowed", 413: "BodyTooLarge", 500: "ServerError" }[status];
        pointer = `/components/responses/${fault ?? "ProtocolFault"}/content/application~1json/schema`;
      }
      count++;
      const validate = validatorFor(pointer);
      if (!validate(body)) {
        const e = validate.errors[0];
        problems.push(`${where}: ${e.instancePath || "/"} ${e.message} (schema ${e.schemaPath})`);
        continue;
      }
      if (op && status === 200 && body.success === false && !op["x-error-codes"].includes(body.code)) {
        problems.push(`${where}: /code ${body.code} is not in this route's x-error-codes`);
      }
    }
  }
  if (problems.length) fail([...new Set(problems)], `${count} recorded answers`);
  if (count === 0) {
    console.error(`FAIL no recorded answers under ${dir}: did the API suites run with MMX_TEST_VAR?`);
    process.exit(1);
  }
  const ops = Object.entries(spec.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`));
  const untested = ops.filter((o) => !seen.has(o));
  console.log(`ok: ${count} recorded answers match the document` +
    ` (${ops.length - untested.length}/${ops.length} operations seen)`);
  if (untested.length) console.log(`not exercised by the API tests: ${untested.join(", ")}`);
}

const [command, spec, arg] = process.argv.slice(2);
try {
  if (command === "lint") await lint(spec);
  else if (command === "routes") routes(spec, arg);
  else if (command === "answers") answers(spec, arg);
  else {
    console.error("usage: node check.mjs lint SPEC | routes SPEC SERVER_BIN | answers SPEC DIR");
    process.exit(2);
  }
} catch (error) {
  console.error(`FAIL ${error.message}`);
  process.exit(1);
}
