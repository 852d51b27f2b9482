/**
 * A short gateway heartbeat for the fake Discord. The fake says 41.25 s, as Discord does, which no
 * test outlives; with a few hundred milliseconds an event-loop stall longer than that makes
 * discord.js miss an ACK, call the connection a zombie and RESUME, which the fake records.
 * Works around the fake (tests/fake-discord, not ours) by wrapping its connection handler: its
 * HELLO frame is rewritten on connections made from now on.
 */
import type { WebSocket } from 'ws';
import type { FakeDiscord } from '../fake-discord/fake-discord.ts';
import { waitFor } from '../fake-discord/wait.ts';

/** Op codes the client sends: 1 heartbeat, 2 identify, 6 resume. */
export const OP = { heartbeat: 1, identify: 2, resume: 6 } as const;

export async function useShortHeartbeat(fake: FakeDiscord, intervalMs: number): Promise<void> {
  const inner = fake as unknown as { onConnection(ws: WebSocket): void };
  const original = inner.onConnection.bind(fake);
  inner.onConnection = (ws: WebSocket) => {
    const send = ws.send.bind(ws);
    ws.send = ((data: unknown, ...rest: unknown[]) => {
      const text = String(data);
      const hello = text.startsWith('{"op":10,') ? text.replace(/"heartbeat_interval":\d+/, `"heartbeat_interval":${intervalMs}`) : text;
      return (send as (...a: unknown[]) => void)(hello, ...rest);
    }) as WebSocket['send'];
    original(ws);
  };
  // Reconnect so the client gets the new HELLO, then wait for its first heartbeat on that connection.
  const before = fake.gatewayReceived.length;
  fake.dropConnections();
  await waitFor(
    'resumed with a short heartbeat',
    () => fake.connected === 1 && fake.gatewayReceived.slice(before).some((p) => p.op === OP.heartbeat),
  );
}

export function countOps(fake: FakeDiscord, op: number, from = 0): number {
  return fake.gatewayReceived.slice(from).filter((p) => p.op === op).length;
}
