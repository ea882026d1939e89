import { describe, expect, it } from "vitest";
import { DEFAULT_MATRIX, matrixHref, toMatrixSearchParams, type MatrixState } from "@/lib/url-state/hrefs";
import { parseMatrixParams } from "@/lib/url-state/matrix";

const KNOWN = {
  actors: new Set(["us", "israel", "iran", "qatar"]),
  issues: new Set(["iran-talks", "iran-missiles"]),
  articles: new Set(["spring-brief", "winter-brief"]),
};

describe("parseMatrixParams", () => {
  it("gives the default state for an empty query", () => {
    expect(parseMatrixParams(new URLSearchParams(""), KNOWN)).toEqual({ state: DEFAULT_MATRIX, dropped: [] });
  });

  it("reads every parameter, from URLSearchParams or Next's searchParams object", () => {
    const expected: MatrixState = {
      a: "iran",
      b: "qatar",
      sort: "change",
      snapshot: "winter-brief",
      cell: { issue: "iran-talks", article: "spring-brief" },
    };
    const query = "a=iran&b=qatar&sort=change&snapshot=winter-brief&cell=iran-talks:spring-brief";
    expect(parseMatrixParams(new URLSearchParams(query), KNOWN)).toEqual({ state: expected, dropped: [] });
    expect(
      parseMatrixParams(
        {
          a: "iran",
          b: ["us", "qatar"],
          sort: "change",
          snapshot: "winter-brief",
          cell: "iran-talks:spring-brief",
        },
        KNOWN,
      ),
    ).toEqual({ state: expected, dropped: [] });
  });

  it("drops unknown values with a note and keeps the rest", () => {
    const { state, dropped } = parseMatrixParams(
      new URLSearchParams("a=atlantis&sort=loudest&snapshot=autumn-brief&cell=iran-talks:summer-brief"),
      KNOWN,
    );
    expect(state).toEqual(DEFAULT_MATRIX);
    expect(dropped).toEqual([
      "unknown actor “atlantis”",
      "sort order “loudest”",
      "unknown snapshot “autumn-brief”",
      "cell “iran-talks:summer-brief”: there is no such issue and snapshot",
    ]);
  });

  it("drops a malformed cell and clips long values", () => {
    const long = "x".repeat(80);
    const { state, dropped } = parseMatrixParams({ cell: `<script>${long}`, b: long }, KNOWN);
    expect(state.cell).toBeNull();
    expect(state.b).toBe("israel");
    expect(dropped).toEqual([
      `unknown actor “${"x".repeat(39)}…”`,
      expect.stringMatching(/^cell “<script>x+…” \(a cell is written issue:article\)$/),
    ]);
  });

  it("keeps one side when the other is unknown, and never pairs an actor with itself", () => {
    expect(parseMatrixParams({ a: "iran", b: "atlantis" }, KNOWN).state).toMatchObject({
      a: "iran",
      b: "israel",
    });
    expect(parseMatrixParams({ a: "israel" }, KNOWN).state).toMatchObject({ a: "israel", b: "us" });
    expect(parseMatrixParams({ b: "us" }, KNOWN).state).toMatchObject({ a: "israel", b: "us" });
    expect(parseMatrixParams({ a: "iran", b: "iran" }, KNOWN)).toMatchObject({
      state: { a: "us", b: "israel" },
      dropped: ["the same actor on both sides (“iran”)"],
    });
  });
});

describe("toMatrixSearchParams", () => {
  it("round-trips every state through the URL", () => {
    const states: MatrixState[] = [
      DEFAULT_MATRIX,
      { ...DEFAULT_MATRIX, sort: "latest" },
      { ...DEFAULT_MATRIX, a: "israel", b: "us", snapshot: "spring-brief" },
      {
        ...DEFAULT_MATRIX,
        a: "us",
        b: "iran",
        sort: "change",
        cell: { issue: "iran-missiles", article: "winter-brief" },
      },
      {
        a: "iran",
        b: "qatar",
        sort: "issue",
        snapshot: "winter-brief",
        cell: { issue: "iran-talks", article: "spring-brief" },
      },
    ];
    for (const state of states) {
      expect(parseMatrixParams(toMatrixSearchParams(state), KNOWN)).toEqual({ state, dropped: [] });
      expect(parseMatrixParams(new URL(matrixHref(state), "http://x").searchParams, KNOWN).state).toEqual(
        state,
      );
    }
  });

  it("writes canonical URLs: defaults left out, a pair written whole, the cell readable", () => {
    expect(matrixHref(DEFAULT_MATRIX)).toBe("/matrix");
    expect(matrixHref({ ...DEFAULT_MATRIX, sort: "issue" }, "#view")).toBe("/matrix#view");
    expect(matrixHref({ a: "us", b: "iran" })).toBe("/matrix?a=us&b=iran");
    expect(
      matrixHref({
        sort: "latest",
        snapshot: "winter-brief",
        cell: { issue: "iran-talks", article: "winter-brief" },
      }),
    ).toBe("/matrix?sort=latest&snapshot=winter-brief&cell=iran-talks:winter-brief");
  });
});
