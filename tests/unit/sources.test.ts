import { describe, expect, it } from "vitest";
import type { ArticleRef } from "@/lib/queries/types";
import { publisherChanges, samePublisher } from "@/lib/views/sources";
import { matrixArticle } from "../support/matrix";

const from = (slug: string, rank: number, publisher: string | null): ArticleRef => ({
  ...matrixArticle(slug, rank, `202${rank}-01-01`),
  publisher,
});

describe("samePublisher", () => {
  it("is true only for one named publisher", () => {
    expect(samePublisher(from("a", 1, "Ridgeway Review"), from("b", 2, "Ridgeway Review"))).toBe(true);
    expect(samePublisher(from("a", 1, "Ridgeway Review"), from("b", 2, "Harbour Institute"))).toBe(false);
  });

  it("never assumes two unnamed publishers are one", () => {
    expect(samePublisher(from("a", 1, null), from("b", 2, null))).toBe(false);
  });
});

describe("publisherChanges", () => {
  it("lists each consecutive pair whose publishers differ, in order", () => {
    const a = from("a", 1, "Ridgeway Review");
    const b = from("b", 2, "Ridgeway Review");
    const c = from("c", 3, "Harbour Institute");
    const d = from("d", 4, null);
    expect(publisherChanges([a, b, c, d]).map(([x, y]) => [x.slug, y.slug])).toEqual([
      ["b", "c"],
      ["c", "d"],
    ]);
  });

  it("finds nothing for one snapshot or one publisher throughout", () => {
    expect(publisherChanges([from("a", 1, "Ridgeway Review")])).toEqual([]);
    expect(publisherChanges([from("a", 1, "Ridgeway Review"), from("b", 2, "Ridgeway Review")])).toEqual([]);
  });
});
