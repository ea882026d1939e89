import { describe, expect, it } from "vitest";
import { EVENT_CSV_COLUMNS, eventsToCsv } from "@/lib/api/events-csv";
import { csvCell, toCsv } from "@/lib/csv";
import type { EventView } from "@/lib/queries/types";
import { parseCsv } from "../support/csv";

describe("csvCell", () => {
  it("leaves plain text alone and quotes what needs quoting", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-1)).toBe("-1");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("writes CRLF rows that read back to the same cells", () => {
    const rows = [
      ["slug", "title"],
      ["a", 'He said "go", then left\nat once'],
      ["b", "=1+1"],
    ];
    const text = toCsv(rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([rows[0], rows[1], ["b", "'=1+1"]]);
  });
});

describe("eventsToCsv", () => {
  const event: EventView = {
    slug: "geneva-round",
    title: '-Talks, "indirect", in Geneva',
    summary: "One line.",
    claim: "reported",
    via: null,
    date: {
      stated: "yesterday",
      start: "2026-02-16",
      end: "2026-02-16",
      precision: "day",
      circa: false,
      basis: "b",
    },
    actors: [
      { slug: "us", name: "United States", kind: "state" },
      { slug: "iran", name: "Iran", kind: "state" },
    ],
    issues: [{ slug: "iran-talks", title: "Iran talks" }],
    articles: ["winter-brief"],
    evidence: [
      { article: "winter-brief", paragraph: 3, quote: "which occurred yesterday in Geneva" },
      { article: "winter-brief", paragraph: 5, quote: "the talks, he said, went well" },
    ],
  };

  it("writes a header and one row per event, escaped", () => {
    const rows = parseCsv(eventsToCsv([event]));
    expect(rows[0]).toEqual([...EVENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(EVENT_CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      slug: "geneva-round",
      title: '\'-Talks, "indirect", in Geneva',
      date_start: "2026-02-16",
      date_precision: "day",
      date_circa: "no",
      actors: "us; iran",
      actor_names: "United States; Iran",
      issues: "iran-talks",
      articles: "winter-brief",
      evidence:
        "“which occurred yesterday in Geneva” (winter-brief ¶3)\n“the talks, he said, went well” (winter-brief ¶5)",
    });
    expect(row.url).toMatch(/\/issues\/iran-talks#e-geneva-round$/);
  });
});
