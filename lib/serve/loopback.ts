import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";

export interface LoopbackAnswer {
  response: IncomingMessage;
  body: Buffer;
}

/**
 * A GET over a keep-alive agent, sent again on another socket when a reused one turns out to be closed. A server
 * closes an idle connection after its keep-alive timeout; a request the agent writes to that socket at the same moment
 * fails with ECONNRESET ("socket hang up") though no answer was ever begun. Node's documentation of
 * `request.reusedSocket` describes this race and this retry; it is safe only because a GET of a snapshot's page is
 * idempotent. About 1 in 10,000 of the response cache's renders met it under load and answered 503.
 */
export function loopbackGet(options: RequestOptions, retries = 2): Promise<LoopbackAnswer> {
  return new Promise((resolve, reject) => {
    // Once an answer has begun the race is not what happened: a failure then is the server's, and stands.
    let begun = false;
    const request = httpRequest({ ...options, method: "GET" }, (response) => {
      begun = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (retries > 0 && !begun && request.reusedSocket && error.code === "ECONNRESET") {
        resolve(loopbackGet(options, retries - 1));
      } else {
        reject(error);
      }
    });
    request.end();
  });
}
