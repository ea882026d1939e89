import { describe, expect, it } from "vitest";
import { canonicalQuery } from "@/lib/url-state/canonical";

const canon = (path: string, query: string) => canonicalQuery(path, new URLSearchParams(query));

describe("canonicalQuery", () => {
  it("puts parameters in one order and repeated values sorted, without duplicates", () => {
    expect(canon("/timeline", "issue=b&actor=us&actor=iran&actor=us&from=2025-01-01")).toBe(
      "actor=iran&actor=us&issue=b&from=2025-01-01",
    );
    expect(canon("/timeline", "actor=iran&actor=us")).toBe(canon("/timeline", "actor=us&actor=iran"));
  });

  it("keeps the last value of a single-valued parameter, as the views read it", () => {
    expect(canon("/timeline", "page=2&page=3")).toBe("page=3");
    expect(canon("/matrix", "a=us&a=iran&b=israel")).toBe("a=iran&b=israel");
  });

  it("leaves out values spelt as the default, and blanks only where the view reads them as absent", () => {
    expect(canon("/timeline", "page=1&per=25&mode=any&from=&to=")).toBe("");
    // A blank page or mode is noted by the page, so it stays.
    expect(canon("/timeline", "page=&mode=")).toBe("mode=&page=");
    expect(canon("/matrix", "sort=issue&a=&cell=")).toBe("");
    // The API reads strictly: a blank date is a 400, not an absent one.
    expect(canon("/api/v1/events", "from=")).toBe("from=");
  });

  it("keeps the names of unknown parameters where the view reports them, and drops utm_ and _ keys", () => {
    expect(canon("/timeline", "zz=secret&actor=us&utm_source=x&_rsc=1&aa=1")).toBe("actor=us&aa=&zz=");
    expect(canon("/api/v1/events", "limit=10&nope=1")).toBe("limit=10&nope=");
    // The matrix page ignores unknown parameters.
    expect(canon("/matrix", "zz=1&sort=latest")).toBe("sort=latest");
  });

  it("canonicalises the search page and API: one order, blanks and defaults out on the page, strict on the API", () => {
    expect(canon("/search", "actor=us&q=talks&page=1&kind=&utm_medium=x")).toBe("q=talks&actor=us");
    expect(canon("/search", "q=a&q=b")).toBe("q=b");
    expect(canon("/search", "q=talks&zz=1")).toBe("q=talks&zz=");
    expect(canon("/api/v1/search", "limit=10&q=talks")).toBe("q=talks");
    expect(canon("/api/v1/search", "q=&limit=5")).toBe("q=&limit=5");
  });

  it("keeps unknown slugs: only the view can tell, and it notes or rejects them", () => {
    expect(canon("/timeline", "actor=nobody")).toBe("actor=nobody");
  });

  it("is null for paths it does not canonicalise", () => {
    expect(canon("/issues/x", "a=1")).toBeNull();
    expect(canon("/timeline/", "")).toBeNull();
  });

  it("is idempotent", () => {
    for (const [path, query] of [
      ["/timeline", "actor=b&actor=a&zz=1&per=50&mode=all"],
      ["/matrix", "cell=x:y&b=iran&a=us&sort=change"],
      ["/api/v1/events", "cursor=abc&limit=5&issue=z"],
      ["/search", "page=2&kind=event&q=x&zz=1"],
    ] as const) {
      const once = canon(path, query)!;
      expect(canon(path, once)).toBe(once);
    }
  });
});
