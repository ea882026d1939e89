import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { toFts5 } from "@/lib/search/fts5";
import { MAX_QUERY_CHARS, MAX_TERMS, parseQuery } from "@/lib/search/query";
import { hostileQueries } from "../support/hostile-queries";

const words = (text: string) => {
  const q = parseQuery(text);
  return {
    all: q.all.map((g) => g.map((t) => `${t.phrase ? "phrase:" : ""}${t.text}${t.prefix ? "*" : ""}`)),
    none: q.none.map((t) => t.text),
  };
};

describe("parseQuery", () => {
  it("reads words, phrases, prefixes, exclusions and OR", () => {
    expect(words('Board "of peace" hez* -iran -"regime change" strike OR attack')).toEqual({
      all: [["Board"], ["phrase:of peace"], ["hez*"], ["strike", "attack"]],
      none: ["iran", "regime change"],
    });
    expect(parseQuery('hez* "board of peace" -iran').text).toBe('hez* "board of peace" -iran');
  });

  it("takes curly quotes and typographic minus signs as a reader means them", () => {
    expect(words("“Board of Peace” −Türkiye")).toEqual({
      all: [["phrase:Board of Peace"]],
      none: ["Türkiye"],
    });
  });

  it("keeps operators, column filters and NEAR as plain words", () => {
    expect(words("NEAR(iran israel) title:x AND ^y")).toEqual({
      all: [["NEAR(iran"], ["israel)"], ["title:x"], ["AND"], ["^y"]],
      none: [],
    });
  });

  it("drops what has no letters or digits, and says so", () => {
    const q = parseQuery('^ ( ) * "" iran :');
    expect(words('^ ( ) * "" iran :')).toEqual({ all: [["iran"]], none: [] });
    expect(q.notes.join(" ")).toMatch(/Ignored “\^”, “\(”, “\)”, “\*”, “:”/);
  });

  it("closes an unclosed quote and says so", () => {
    const q = parseQuery('"board of');
    expect(words('"board of')).toEqual({ all: [["phrase:board of"]], none: [] });
    expect(q.notes).toContain("A quote was not closed: it was closed at the end.");
  });

  it("needs two letters before a prefix star", () => {
    expect(words("h* ab*")).toEqual({ all: [["h"], ["ab*"]], none: [] });
    expect(parseQuery("h*").notes.join(" ")).toMatch(/at least 2 letters/);
  });

  it("ignores a stray OR, and exclusions alone find nothing", () => {
    expect(words("OR iran OR")).toEqual({ all: [["iran"]], none: [] });
    expect(parseQuery("OR iran OR").notes.join(" ")).toMatch(/stray OR/);
    const only = parseQuery("-iran -israel");
    expect(toFts5(only)).toBeNull();
    expect(only.notes.join(" ")).toMatch(/only leave things out/);
  });

  it("caps the length and the number of terms, with a note", () => {
    const long = parseQuery("a".repeat(10_000));
    expect(long.all[0]![0]!.text).toHaveLength(MAX_QUERY_CHARS);
    expect(long.notes.join(" ")).toMatch(/first 200 characters/);
    const many = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
    expect(many.all).toHaveLength(MAX_TERMS);
    expect(many.notes.join(" ")).toMatch(/first 12 words and phrases were searched \(18 left out\)/);
  });

  it("removes control and format characters", () => {
    const q = parseQuery("ir\u0000an\u202e is\u200brael\u0002");
    expect(words("ir\u0000an\u202e is\u200brael\u0002")).toEqual({
      all: [["ir"], ["an"], ["israel"]],
      none: [],
    });
    expect(q.notes).toContain("Control characters were removed.");
  });

  it("gives the folded words of a plain query, to find an exact name", () => {
    expect(parseQuery("The Board of PEACE").exactName).toBe("board of peace");
    expect(parseQuery('"Türkiye"').exactName).toBe("turkiye");
    expect(parseQuery("board*").exactName).toBeNull();
    expect(parseQuery("board -peace").exactName).toBeNull();
  });

  it("writes a query back so that parsing it again gives the same terms", () => {
    for (const text of hostileQueries(500, 7)) {
      const once = parseQuery(text);
      const twice = parseQuery(once.text);
      expect({ all: twice.all, none: twice.none }, JSON.stringify(text.slice(0, 80))).toEqual({
        all: once.all,
        none: once.none,
      });
    }
  });
});

describe("toFts5", () => {
  it("quotes every term and writes only its own operators", () => {
    expect(toFts5(parseQuery('Board "of peace" hez* -iran -"x y" strike OR attack'))).toBe(
      '("Board" AND "of peace" AND "hez"* AND ("strike" OR "attack")) NOT ("iran" OR "x y")',
    );
    expect(toFts5(parseQuery('say"NEAR(a,b)"'))).toBe('"say" AND "NEAR(a,b)"');
  });

  it("doubles a quote inside a term, though the parser never leaves one there", () => {
    const term = (text: string) => ({ text, phrase: false, prefix: false });
    expect(toFts5({ all: [[term('a"b')]], none: [term('"')] })).toBe('("a""b") NOT ("""")');
  });

  // The real index definition, from the migration, in memory.
  const db = new Database(":memory:");
  db.exec(readFileSync("prisma/migrations/0003_search_index/migration.sql", "utf8"));
  const insert = db.prepare(
    `INSERT INTO "SearchDocument" (id, kind, key, label, title, aliases, body, involved) VALUES (?, 'event', ?, ?, ?, '', ?, '')`,
  );
  insert.run(1, "a", "Türkiye", "Türkiye joins the Board of Peace", "Strikes on Al Udeid Air Base");
  insert.run(2, "b", "Hezbollah", "Hezbollah", "Peace board meets");
  db.exec(`INSERT INTO "SearchIndex"("SearchIndex") VALUES ('rebuild')`);
  const match = db.prepare(`SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH ? ORDER BY rowid`);
  const rows = (text: string) => {
    const expression = toFts5(parseQuery(text));
    return expression === null ? [] : match.all(expression).map((r) => (r as { rowid: number }).rowid);
  };
  afterAll(() => db.close());

  it("matches word forms, folded diacritics, prefixes, phrases and exclusions in FTS5", () => {
    expect(rows("strike")).toEqual([1]);
    expect(rows("Turkiye")).toEqual([1]);
    expect(rows("ＴＵＲＫＩＹＥ")).toEqual([1]);
    expect(rows("hez*")).toEqual([2]);
    expect(rows("board peace")).toEqual([1, 2]);
    expect(rows('"board of peace"')).toEqual([1]);
    expect(rows("peace -hezbollah")).toEqual([1]);
    expect(rows("udeid OR hezbollah")).toEqual([1, 2]);
  });

  it("never gives FTS5 a syntax error, whatever was typed", () => {
    const queries = hostileQueries(3000);
    let searched = 0;
    for (const text of queries) {
      const expression = toFts5(parseQuery(text));
      if (expression === null) continue;
      expect(() => match.all(expression), JSON.stringify(text.slice(0, 80))).not.toThrow();
      searched++;
    }
    expect(searched).toBeGreaterThan(2000);
  });
});
