import { describe, expect, it } from "vitest";
import { checkContentDir } from "@/lib/content";
import { formatProblem } from "@/lib/content/errors";
import { writeSyntheticCorpus } from "../../scripts/lib/synthetic-corpus";
import { scratchDir } from "../support/scratch";

// The benchmark builds this corpus with the real db:build: when the content rules tighten, it must follow them, or
// `npm run bench` fails long after the change that broke it.
describe("the benchmark's synthetic corpus", () => {
  it("passes the content check, with its decades-wide date and every field a published article needs", async () => {
    const dir = scratchDir("synthetic-");
    writeSyntheticCorpus(dir, { events: 2000, actors: 30, issues: 8, articles: 5, seed: 7 });
    const result = await checkContentDir(dir);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});
