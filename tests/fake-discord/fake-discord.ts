/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js client: an HTTP server for
 * the REST routes the bot uses and a WebSocket gateway (plain JSON frames, no compression) on the
 * same port. Every REST request is recorded for assertions; faults (429, 500, a dropped gateway)
 * can be injected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { snowflake } from './ids.ts';
import { apiMessage, apiUser } from './api-objects.ts';

export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, as it arrived (`@original` arrives as `%40original`). */
  path: string;
  query: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary JSON as sent by the client
  authorization?: string;
  /** The status the fake answered with. */
  status: number;
  /** What the fake answered (a created message or thread carries the id the test needs). */
  response?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary JSON as returned
}

interface Fault {
  method: string;
  path: RegExp;
  remaining: number;
  status: 429 | 500;
}

export interface FakeDiscordOptions {
  appId?: string;
  guildId?: string;
  /** Text channels of the one guild, so discord.js caches them and delivers their messages. */
  channelIds?: string[];
  /** Forum channels (type 15) of the guild: their posts are threads. */
  forumIds?: string[];
}

/** Discord channel types the fake knows. */
export const CHANNEL_TYPES = { text: 0, publicThread: 11, forum: 15 } as const;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly appId: string;
  readonly guildId: string;
  readonly channelIds: string[];
  readonly forumIds: string[];
  /** Gateway payloads received from the client (IDENTIFY, heartbeats, RESUME…). */
  readonly gatewayReceived: Array<{ op: number; d: unknown }> = [];
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private port = 0;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    options: FakeDiscordOptions,
  ) {
    this.appId = options.appId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.channelIds = options.channelIds ?? [snowflake()];
    this.forumIds = options.forumIds ?? [];
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    const fake = new FakeDiscord(http, wss, options);
    http.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (ws) => fake.onConnection(ws));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    fake.port = (http.address() as AddressInfo).port;
    return fake;
  }

  /** For `new Client({ rest: { api } })` / DISCORD_API_BASE. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Answers the next `times` requests matching method and path with `status` (429 carries retry-after). */
  failNext(method: string, path: RegExp, times: number, status: 429 | 500): void {
    this.faults.push({ method, path, remaining: times, status });
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  /** Cuts every gateway connection abruptly, as a network failure would. */
  dropConnections(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  get connected(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // --- gateway -------------------------------------------------------------------------------

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw) => this.onGatewayMessage(ws, JSON.parse(String(raw))));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
  }

  private onGatewayMessage(ws: WebSocket, payload: { op: number; d: unknown }): void {
    this.gatewayReceived.push(payload);
    const send = (frame: object) => ws.send(JSON.stringify(frame));
    switch (payload.op) {
      case 1: // heartbeat
        send({ op: 11 });
        break;
      case 2: // identify
        send({ op: 0, t: 'READY', s: ++this.seq, d: this.readyPayload() });
        // The guild arrives after READY, as on Discord; discord.js waits for it before `ready`.
        send({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: this.guildPayload() });
        break;
      case 6: // resume after a dropped connection
        send({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
        break;
    }
  }

  private readyPayload() {
    return {
      v: 10,
      user: { id: this.appId, username: 'baoxun', discriminator: '0', global_name: null, avatar: null, bot: true },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: this.gatewayUrl,
      application: { id: this.appId, flags: 0 },
      shard: [0, 1],
    };
  }

  private guildPayload() {
    return {
      id: this.guildId,
      name: 'Fake Guild',
      owner_id: snowflake(),
      unavailable: false,
      member_count: 2,
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        ...this.channelIds.map((id, i) => ({
          id,
          type: CHANNEL_TYPES.text,
          guild_id: this.guildId,
          name: `channel-${i}`,
          position: i,
          permission_overwrites: [],
        })),
        ...this.forumIds.map((id, i) => ({
          id,
          type: CHANNEL_TYPES.forum,
          guild_id: this.guildId,
          name: `forum-${i}`,
          position: 100 + i,
          permission_overwrites: [],
          available_tags: [],
        })),
      ],
      members: [],
      threads: [],
      emojis: [],
      stickers: [],
      features: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: new Date().toISOString(),
    };
  }

  // --- REST ----------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text; // multipart uploads are kept raw
    }
    const method = req.method ?? 'GET';
    const rec: RecordedRequest = { method, path, query: url.search, body, authorization: req.headers.authorization, status: 0 };
    this.requests.push(rec);

    const fault = this.faults.find((f) => f.remaining > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.remaining--;
      rec.status = fault.status;
      if (fault.status === 429) {
        return this.json(
          res,
          429,
          { message: 'You are being rate limited.', retry_after: 0.05, global: false },
          { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
        );
      }
      return this.json(res, 500, { message: 'Internal Server Error', code: 0 });
    }
    const [status, out] = this.route(method, path, body);
    rec.status = status;
    rec.response = out;
    this.json(res, status, out);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private route(method: string, path: string, body: any): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } },
      ];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if ((m = /^\/webhooks\/(\d+)\/[^/]+\/messages\/(?:%40|@)original$/.exec(path))) {
      if (method === 'DELETE') return [204, undefined];
      if (method === 'PATCH') return [200, this.message(this.channelIds[0]!, body)];
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return [200, this.message(this.channelIds[0]!, body)];
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) return [200, this.message(m[1]!, body)];
    // A thread started from a message takes that message's id, as on Discord.
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      return [201, this.thread({ id: m[2]!, parentId: m[1]!, name: String(body?.name ?? ''), ownerId: this.appId })];
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(path)) return [204, undefined];
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = Array.isArray(body) ? body : [];
      return [200, list.map((c: object) => ({ ...c, id: snowflake(), application_id: this.appId, version: snowflake() }))];
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }

  /** A public thread (or forum post) object as the gateway and REST send it. */
  thread(t: { id: string; parentId: string; name: string; ownerId: string }) {
    return {
      id: t.id,
      type: CHANNEL_TYPES.publicThread,
      guild_id: this.guildId,
      parent_id: t.parentId,
      owner_id: t.ownerId,
      name: t.name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
  }

  /** A message as Discord returns it after creating or editing one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private message(channelId: string, body: any) {
    return apiMessage({
      channel_id: channelId,
      author: apiUser({ id: this.appId, name: 'baoxun', bot: true }),
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
    });
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }
}
