/** A TCP proxy for the harness: forwards to the server, and can cut every connection or delay every chunk. */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  url: string;
  /** Drop every open connection and refuse new ones until heal(). */
  cut(): void;
  /** Delay each forwarded chunk by `ms`. */
  delay(ms: number): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  let delayMs = 0;
  const pipe = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      const send = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    pipe(client, upstream);
    pipe(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    delay(ms) {
      delayMs = ms;
    },
    heal() {
      down = false;
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
