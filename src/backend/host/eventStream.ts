import type { ServerResponse } from 'node:http';
import { encodeWire } from '../../shared/api/wireCodec';

const HEARTBEAT_MS = 15_000;

/** The server-sent event streams open on /api/events; every contract event goes to all of them. */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line keeps proxies and the browser from closing an idle stream.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n: connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: string, payload: unknown): void {
    // JSON has no newlines outside strings, so one data line carries the payload.
    this.write(`event: ${event}\ndata: ${encodeWire(payload)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
