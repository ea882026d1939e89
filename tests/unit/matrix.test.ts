import { describe, expect, it } from "vitest";
import {
  cellChanges,
  cellHref,
  cellLabel,
  cellStatus,
  coverageCounts,
  filterRows,
  sortRows,
  toColumns,
  toRowViews,
  toTableRows,
} from "@/lib/views/matrix";
import { DEFAULT_MATRIX } from "@/lib/url-state/hrefs";
import { matrixArticle, matrixRow } from "../support/matrix";

const [ONE, TWO, THREE] = [
  matrixArticle("one", 1, "2025-06"),
  matrixArticle("two", 2, "2025-10-01"),
  matrixArticle("three", 3, "2026-02-17"),
];

// Content order; the names say what each row does.
const ROWS = [
  matrixRow("steady", [
    [ONE, "partial"],
    [TWO, null],
    [THREE, "partial"],
  ]),
  matrixRow("apart-by-one", [
    [ONE, "partial"],
    [TWO, "divergent"],
    [THREE, null],
  ]),
  matrixRow("closer-by-two", [
    [ONE, "divergent"],
    [TWO, null],
    [THREE, "aligned"],
  ]),
  matrixRow("rated-once", [
    [ONE, null],
    [TWO, null],
    [THREE, "divergent"],
  ]),
  matrixRow("silent-side", [
    [ONE, "partial"],
    [TWO, "none"],
    [THREE, null],
  ]),
  matrixRow("apart-by-two", [
    [ONE, null],
    [TWO, "aligned"],
    [THREE, "divergent"],
  ]),
  matrixRow("positions-only", [
    [ONE, "positions"],
    [TWO, null],
    [THREE, null],
  ]),
  matrixRow("closer-by-one", [
    [ONE, null],
    [TWO, "divergent"],
    [THREE, "partial"],
  ]),
];
const slugs = (rows: { issue: { slug: string } }[]) => rows.map((r) => r.issue.slug);

describe("cellStatus", () => {
  it("tells rated cells from positions without a rating and from snapshots that do not cover the issue", () => {
    expect(ROWS[0]!.cells.map(cellStatus)).toEqual(["rated", "uncovered", "rated"]);
    expect(ROWS[6]!.cells.map(cellStatus)).toEqual(["unrated", "uncovered", "uncovered"]);
  });
});

describe("cellChanges", () => {
  it("compares each rating with the issue's previous rating, skipping snapshots that do not rate it", () => {
    const changes = cellChanges(ROWS[2]!);
    expect(changes[0]).toBeNull();
    expect(changes[1]).toBeNull();
    expect(changes[2]).toMatchObject({ kind: "closer", steps: 2, from: "divergent", since: { slug: "one" } });
    expect(cellChanges(ROWS[1]!)[1]).toMatchObject({ kind: "further", steps: 1, since: { slug: "one" } });
    expect(cellChanges(ROWS[0]!)[2]).toMatchObject({ kind: "same", steps: 0 });
  });

  it("draws no arrow to or from “no position”, which is not a level on the scale", () => {
    expect(cellChanges(ROWS[4]!)).toEqual([null, null, null]);
    const back = matrixRow("back", [
      [ONE, "none"],
      [TWO, "divergent"],
    ]);
    expect(cellChanges(back)).toEqual([null, null]);
  });
});

describe("sortRows", () => {
  const views = toRowViews(ROWS);

  it("keeps content order by issue", () => {
    expect(slugs(sortRows(views, "issue"))).toEqual(slugs(ROWS));
  });

  it("sorts by the latest rating, furthest apart first, unrated issues last, ties in content order", () => {
    expect(slugs(sortRows(views, "latest"))).toEqual([
      "apart-by-one",
      "rated-once",
      "apart-by-two",
      "steady",
      "closer-by-one",
      "closer-by-two",
      "silent-side",
      "positions-only",
    ]);
  });

  it("sorts by change: further apart, then closer, bigger moves first, then unchanged, then the rest", () => {
    expect(slugs(sortRows(views, "change"))).toEqual([
      "apart-by-two",
      "apart-by-one",
      "closer-by-two",
      "closer-by-one",
      "steady",
      "rated-once",
      "silent-side",
      "positions-only",
    ]);
  });

  it("does not change its input", () => {
    sortRows(views, "change");
    expect(slugs(views)).toEqual(slugs(ROWS));
  });
});

describe("filterRows and coverageCounts", () => {
  it("keeps the issues a snapshot rates or gives a position for", () => {
    expect(slugs(filterRows(ROWS, null))).toEqual(slugs(ROWS));
    expect(slugs(filterRows(ROWS, "one"))).toEqual([
      "steady",
      "apart-by-one",
      "closer-by-two",
      "silent-side",
      "positions-only",
    ]);
    expect(slugs(filterRows(ROWS, "nowhere"))).toEqual([]);
    expect(coverageCounts(ROWS)).toEqual({ one: 5, two: 4, three: 5 });
  });
});

describe("cellLabel", () => {
  const sides = [
    { name: "US", stance: "Open to direct talks" },
    { name: "Israel", stance: null },
  ];
  it("names the issue, snapshot, level, move and both stances", () => {
    expect(
      cellLabel({
        issue: "Iran talks",
        snapshot: "17 Feb 2026",
        level: "partial",
        status: "rated",
        change: { kind: "closer", since: "June 2025" },
        sides,
      }),
    ).toBe(
      "Iran talks, 17 Feb 2026: partial, closer than in June 2025; US: Open to direct talks; Israel: no position",
    );
  });

  it("says when a snapshot does not rate or cover the issue, and when the cell is open", () => {
    const base = { issue: "Iran talks", snapshot: "June 2025", level: null, change: null, sides };
    expect(cellLabel({ ...base, status: "uncovered" })).toBe("Iran talks, June 2025: not covered");
    expect(cellLabel({ ...base, status: "unrated", open: true })).toBe(
      "Iran talks, June 2025: not rated; US: Open to direct talks; Israel: no position (open below; follow again to close)",
    );
    expect(
      cellLabel({ ...base, level: "aligned", status: "rated", change: { kind: "same", since: "May 2025" } }),
    ).toMatch(/^Iran talks, June 2025: aligned; US/);
  });
});

describe("the table's rows", () => {
  const rows = toTableRows(toRowViews(ROWS), [ONE, TWO, THREE]);

  it("give each cell its level, both stances and its change, the change's snapshot by column", () => {
    expect(rows[2]).toEqual({
      issue: { slug: "closer-by-two", title: "closer-by-two" },
      cells: [
        { level: "divergent", a: "us stance", b: "israel stance", change: null },
        { level: null, a: null, b: null, change: null },
        { level: "aligned", a: "us stance", b: "israel stance", change: { kind: "closer", since: 0 } },
      ],
    });
    expect(rows[4]!.cells[1]).toEqual({ level: "none", a: "us stance", b: null, change: null });
  });

  it("have the status of the cells they were made from", () => {
    for (const [r, row] of ROWS.entries())
      expect(rows[r]!.cells.map(cellStatus), row.issue.slug).toEqual(row.cells.map(cellStatus));
  });

  it("name each column once, by the label cells use", () => {
    expect(toColumns([ONE, THREE])).toEqual([
      { slug: "one", title: "one", label: "June 2025", perspective: { text: "" } },
      { slug: "three", title: "three", label: "17 Feb 2026", perspective: { text: "" } },
    ]);
  });

  it("link each cell to its opening and back, at its row", () => {
    const state = { ...DEFAULT_MATRIX, sort: "change" as const };
    expect(cellHref(state, "steady", "two")).toBe("/matrix?sort=change&cell=steady:two#row-steady");
    expect(cellHref({ ...state, cell: { issue: "steady", article: "two" } }, "steady", null)).toBe(
      "/matrix?sort=change#row-steady",
    );
  });
});
