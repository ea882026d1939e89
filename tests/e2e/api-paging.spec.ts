import { expect, test } from "@playwright/test";
import { eventsResponse, type EventsResponse } from "@/lib/api/schemas";

// The events API a page at a time: following `next` from the first page visits every matching event exactly once,
// in the same order as one large page, and `total` counts them all.

async function getPage(request: import("@playwright/test").APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return eventsResponse.parse(await response.json()) as EventsResponse;
}

test("paging with cursor visits every event exactly once, in order", async ({ request }) => {
  for (const filter of ["", "actor=us&"]) {
    const all = await getPage(request, `/api/v1/events?${filter}limit=1000`);
    expect(all.next).toBeNull();
    expect(all.events.length).toBe(all.total);
    expect(all.total).toBeGreaterThan(8);

    const seen: string[] = [];
    let url: string | null = `/api/v1/events?${filter}limit=4`;
    let pages = 0;
    while (url) {
      const page = await getPage(request, url);
      expect(page.total).toBe(all.total);
      expect(page.limit).toBe(4);
      expect(page.events.length).toBeLessThanOrEqual(4);
      seen.push(...page.events.map((e) => e.slug));
      url = page.next;
      if (++pages > all.total) throw new Error("paging does not end");
    }
    expect(seen).toEqual(all.events.map((e) => e.slug));
    expect(new Set(seen).size).toBe(all.total);
    expect(pages).toBe(Math.ceil(all.total / 4));
  }
});

test("limit defaults to 100 and is bounded; a forged cursor or an unknown parameter is a 400", async ({
  request,
}) => {
  expect((await getPage(request, "/api/v1/events")).limit).toBe(100);
  for (const query of ["limit=0", "limit=1001", "cursor=forged", "colour=red", "page=2"]) {
    const response = await request.get(`/api/v1/events?${query}`);
    expect(response.status(), query).toBe(400);
    const body = (await response.json()) as { issues: { path: string[] }[] };
    expect(body.issues[0]!.path[0], query).toBe(query.split("=")[0]);
  }
  expect((await request.get("/api/v1/events.csv?limit=5")).status()).toBe(400);
  expect((await request.get("/api/v1/matrix?a=us&b=iran&sort=latest")).status()).toBe(400);
});
