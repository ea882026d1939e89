import type { z } from "zod";
import type { ContentProblem } from "./errors";
import type { LocatedYaml, Parsed, Path } from "./parse";

/** Validates a parsed YAML value against a schema; each problem is located to the line of the offending value. */
export function validate<S extends z.ZodType>(source: LocatedYaml, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(source.data ?? undefined);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file: source.file,
      line: source.lineOf(issue.path as Path),
      message: describe(issue),
    })),
  };
}

export function pathText(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    "",
  );
}

function describe(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path as Path);
  const at = where ? `${where}: ` : "";
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) {
    const key = issue.path[issue.path.length - 1];
    return typeof key === "string" ? `missing field "${where}"` : `${at}missing value`;
  }
  if (issue.code === "unrecognized_keys") {
    return `${at}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (issue.code === "invalid_union")
    return `${at}expected a quote, or an object with "quote" and "paragraph"`;
  return `${at}${issue.message}`;
}

export function problemAt(source: LocatedYaml, path: Path, message: string): ContentProblem {
  return { file: source.file, line: source.lineOf(path), message };
}
