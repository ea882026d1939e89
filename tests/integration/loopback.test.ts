import { Agent, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loopbackGet } from "@/lib/serve/loopback";

// The response cache renders through a keep-alive agent to its own server. A connection the server closes as the
// agent reuses it must cost a second try, not a 503. Real sockets: a server that drops every connection's second
// request unanswered, as a keep-alive timeout does when it fires under a request in flight.

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** `midAnswer`: the second request gets its headers and part of a body, then the connection is reset. */
async function dropsSecondRequests({ midAnswer = false } = {}) {
  const seen = { requests: 0, connections: 0 };
  const perSocket = new WeakMap<object, number>();
  server = createServer((req, res) => {
    seen.requests += 1;
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    if (n > 1 && midAnswer) {
      res.writeHead(200, { "Content-Length": "1000" });
      res.write("the beginning of an answer");
      setTimeout(() => req.socket.resetAndDestroy(), 50);
      return;
    }
    if (n > 1) {
      req.socket.destroy();
      return;
    }
    res.end(`answer to ${req.url}`);
  });
  server.on("connection", () => (seen.connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

describe("loopbackGet", () => {
  it("sends a request again on a new socket when the reused one is closed under it", async () => {
    const { port, seen } = await dropsSecondRequests();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await loopbackGet({ agent, host: "127.0.0.1", port, path: "/a" });
      const second = await loopbackGet({ agent, host: "127.0.0.1", port, path: "/b" });
      expect(first.body.toString()).toBe("answer to /a");
      expect(second.body.toString()).toBe("answer to /b");
      expect(second.response.statusCode).toBe(200);
      // /b went out twice: on the first connection (dropped) and on a second one.
      expect(seen).toEqual({ requests: 3, connections: 2 });
    } finally {
      agent.destroy();
    }
  });

  it("does not send again once an answer has begun: a failure then is the server's", async () => {
    const { port, seen } = await dropsSecondRequests({ midAnswer: true });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await loopbackGet({ agent, host: "127.0.0.1", port, path: "/a" });
      await expect(loopbackGet({ agent, host: "127.0.0.1", port, path: "/b" })).rejects.toMatchObject({
        code: "ECONNRESET",
      });
      expect(seen).toEqual({ requests: 2, connections: 1 });
    } finally {
      agent.destroy();
    }
  });

  it("gives up after its retries, and does not retry a socket that was new", async () => {
    const { port } = await dropsSecondRequests();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await loopbackGet({ agent, host: "127.0.0.1", port, path: "/a" });
      await expect(loopbackGet({ agent, host: "127.0.0.1", port, path: "/b" }, 0)).rejects.toMatchObject({
        code: "ECONNRESET",
      });
      // A refused connection is not the race: it fails at once.
      await expect(loopbackGet({ host: "127.0.0.1", port: 1, path: "/" })).rejects.toMatchObject({
        code: "ECONNREFUSED",
      });
    } finally {
      agent.destroy();
    }
  });
});
