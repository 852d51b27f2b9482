/**
 * Discord's attachment CDN, faked: serves the files a test attaches to an interaction from a local
 * HTTP server on 127.0.0.1, so the bot downloads them exactly as it would from cdn.discordapp.com.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { snowflake } from './ids.ts';

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export class FakeCdn {
  private constructor(
    private readonly server: Server,
    readonly base: string,
    private readonly files: Map<string, Buffer>,
    /** Paths the bot fetched. */
    readonly fetched: string[],
  ) {}

  static async start(): Promise<FakeCdn> {
    const files = new Map<string, Buffer>();
    const fetched: string[] = [];
    const server = createServer((req, res) => {
      const body = files.get(req.url ?? '');
      fetched.push(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeCdn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, files, fetched);
  }

  /** Serves `content` and returns the attachment object an interaction's `resolved.attachments` holds. */
  attach(filename: string, content: string | Buffer): FakeAttachment {
    const id = snowflake();
    const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const urlPath = `/attachments/${id}/${encodeURIComponent(filename)}`;
    this.files.set(urlPath, body);
    return {
      id,
      filename,
      size: body.length,
      url: this.base + urlPath,
      proxy_url: this.base + urlPath,
      content_type: 'text/plain; charset=utf-8',
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
