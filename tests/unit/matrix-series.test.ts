import { describe, expect, it } from "vitest";
import type { Level } from "@/lib/domain";
import { levelCountsBySnapshot, SERIES_KEYS } from "@/lib/series/matrix-levels";
import { matrixArticle, matrixRow } from "../support/matrix";

const JUNE = matrixArticle("june", 1, "2025-06");
const FEB = matrixArticle("feb", 2, "2026-02-17");

describe("levelCountsBySnapshot", () => {
  it("counts issues per level in each snapshot, oldest first, with the unrated ones", () => {
    const levels: [Level | null, Level | null][] = [
      ["divergent", "partial"],
      ["divergent", "divergent"],
      ["none", null],
      [null, "aligned"],
      [null, null],
    ];
    const rows = levels.map(([june, feb], i) =>
      matrixRow(`issue-${i}`, [
        [JUNE, june],
        [FEB, feb],
      ]),
    );
    expect(levelCountsBySnapshot([JUNE, FEB], rows)).toEqual([
      {
        snapshot: "june",
        label: "June 2025",
        divergent: 2,
        partial: 0,
        aligned: 0,
        none: 1,
        unrated: 2,
        total: 5,
      },
      {
        snapshot: "feb",
        label: "17 Feb 2026",
        divergent: 1,
        partial: 1,
        aligned: 1,
        none: 0,
        unrated: 2,
        total: 5,
      },
    ]);
  });

  it("gives every snapshot a bar even with no issues, and each bar sums to the issue count", () => {
    expect(levelCountsBySnapshot([JUNE], [])).toEqual([
      {
        snapshot: "june",
        label: "June 2025",
        divergent: 0,
        partial: 0,
        aligned: 0,
        none: 0,
        unrated: 0,
        total: 0,
      },
    ]);
    const rows = [matrixRow("a", [[JUNE, "partial"]]), matrixRow("b", [[JUNE, null]])];
    for (const bar of levelCountsBySnapshot([JUNE, FEB], rows))
      expect(SERIES_KEYS.reduce((n, key) => n + bar[key], 0)).toBe(bar.total);
  });
});
