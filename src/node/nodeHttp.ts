/**
 * node:http <-> Web Request/Response, so the Node server calls the same
 * handler as the Cloudflare Functions. The request body is streamed (the
 * handler counts bytes as they come); when the handler stops reading early
 * (401, 413), the rest is drained and discarded, so the client still gets
 * its answer instead of a reset. Once the stream is cancelled or errored,
 * nothing more is pushed into it: a late `data`, `end` or `error` of the
 * request is ignored, never thrown out of an event handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  const discard = () => {
    open = false;
    req.removeAllListeners('data');
    req.on('data', () => {});
    req.resume();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      // A client that hangs up mid-body: the reader sees an error; the request's own error is handled here.
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.on('aborted', () => {
        if (open) controller.error(new Error('the client closed the connection'));
        open = false;
      });
      req.pause();
    },
    pull() {
      if (open) req.resume();
    },
    cancel() {
      // Discard the rest: memory stays flat, the client reads its answer.
      discard();
    },
  }, { highWaterMark: 4 });
}

/**
 * The URL of a request target as sent: `/a?b`, or an absolute `http://host/a?b`.
 * The Host header is the client's to say: it never makes the URL (the handler
 * answers with paths only). `//x` stays a path, never a host.
 */
export function targetUrl(target: string | undefined): URL {
  const raw = target ?? '/';
  if (raw.startsWith('/')) return new URL(`http://localhost${raw}`);
  try {
    const absolute = new URL(raw);
    return new URL(`http://localhost${absolute.pathname}${absolute.search}`);
  } catch {
    return new URL('http://localhost/');
  }
}

/** The Web Request for `req`, at `pathAndQuery` (the server's normalised path; default the request's own). */
export function toRequest(req: IncomingMessage, pathAndQuery?: string): Request {
  const url = targetUrl(pathAndQuery ?? req.url);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, { method: req.method, headers, body: hasBody ? bodyOf(req) : null, duplex: 'half' } as RequestInit);
}

export async function sendResponse(res: ServerResponse, response: Response, head = false): Promise<void> {
  const req = res.req;
  if (!req.complete) {
    // The handler answered without reading it all (401, 413): discard the rest, or the
    // paused request would hold the keep-alive connection until it times out.
    req.removeAllListeners('data');
    req.on('data', () => {});
    req.resume();
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (head || response.body === null) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    Readable.fromWeb(response.body as never).on('error', () => resolve()).pipe(res).on('finish', resolve).on('close', resolve);
  });
}
