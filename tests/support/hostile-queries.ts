import { seededRandom } from "@/lib/random";

// Search input written to break a full-text engine: FTS5 operators and column filters, unbalanced quotes and
// brackets, control characters, very long strings, mixed scripts and SQL. Seeded, so a failure repeats exactly.

const FTS5_SYNTAX = [
  "NEAR(",
  "NEAR(a b, 2)",
  "NEAR",
  "AND",
  "OR",
  "NOT",
  "and",
  "^",
  "^iran",
  "*",
  "**",
  "a*",
  "*a",
  "hez*",
  '"',
  '""',
  '"""',
  '"iran',
  'iran"',
  '"board of peace"',
  '"a" "b"',
  "(",
  ")",
  "((",
  "))",
  "(iran",
  "iran)",
  "{title}:",
  "{title body}:iran",
  "title:iran",
  ":",
  "::",
  "iran:",
  "-",
  "--",
  "-iran",
  "- iran",
  "+",
  "+iran",
  "rowid",
  "rank",
  "MATCH",
  "bm25(",
  "snippet(",
  "'",
  "''",
  ";",
  "/*",
  "*/",
  "%",
  "_",
  "\\",
  '\\"',
  "`",
  "$1",
  "?",
  "@a",
  ":a",
  "||",
  "&&",
  "!",
  "~",
  "<",
  ">",
  "=",
  "{",
  "}",
  "[",
  "]",
  ",",
  ".",
  "…",
  "—",
  "\u2212iran",
];
const SQL = [
  "' OR 1=1 --",
  '1; DROP TABLE "SearchIndex"; --',
  '" UNION SELECT * FROM Actor --',
  "x') OR ('1'='1",
];
const CONTROL = [
  "\u0000",
  "\u0001",
  "\u0002",
  "\u0003",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u200b",
  "\u200d",
  "\u202e",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
];
const SCRIPTS = [
  "Türkiye",
  "Turkiye",
  "TÜRKİYE",
  "ﬁnance",
  "ｔｕｒｋｉｙｅ",
  "e\u0301",
  "\u0301",
  "Ⅻ",
  "²",
  "ß",
  "İstanbul",
  "ירושלים",
  "القدس",
  "طهران",
  "Тегеран",
  "北京",
  "東京都",
  "서울",
  "हिन्दी",
  "ไทย",
  "😀",
  "🇮🇱",
  "👩‍👩‍👧",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "Ῥόδος",
  "𝔄𝔩",
  "a\u0308",
];
const WORDS = [
  "iran",
  "Israel",
  "Al Udeid",
  "Fordow",
  "Board",
  "of",
  "Peace",
  "hezbollah",
  "strike",
  "the",
  "US",
  "a",
];

/** `count` hostile queries; every tenth is over 10,000 characters. */
export function hostileQueries(count: number, seed = 20261114): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const pools = [FTS5_SYNTAX, SQL, CONTROL, SCRIPTS, WORDS];
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      const unit = pick([...FTS5_SYNTAX, ...SCRIPTS, ...WORDS]);
      queries.push(`${pick(WORDS)} ${`${unit} `.repeat(Math.ceil(10_050 / (unit.length + 1)))}`);
      continue;
    }
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 8);
    for (let j = 0; j < n; j++) parts.push(pick(pick(pools)));
    queries.push(parts.join(random() < 0.7 ? " " : ""));
  }
  return queries;
}
