import net from 'node:net';

/** A port the OS says is free right now: tests and benchmarks never take the fixed ports of a running `npm start`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port in [min, max], tried at random: for a server that stores its ports in a narrower
 * type than the OS's ephemeral range (Temporal keeps membership ports as a PostgreSQL smallint).
 */
export async function freePortIn(min: number, max: number, attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const port = min + Math.floor(Math.random() * (max - min + 1));
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${min}-${max} after ${attempts} tries`);
}
