import fs from 'node:fs';
import net from 'node:net';

/** Linux's default when /proc does not say: net.ipv4.ip_local_port_range. */
const DEFAULT_EPHEMERAL: readonly [number, number] = [32_768, 60_999];
const LOWEST = 10_000;

/** Ports this process has handed out, so two picks made together never return the same one. */
const handedOut = new Set<number>();

function ephemeralRange(): readonly [number, number] {
  try {
    const [lo, hi] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(lo) && Number.isInteger(hi) ? [lo, hi] : DEFAULT_EPHEMERAL;
  } catch {
    return DEFAULT_EPHEMERAL;
  }
}

/**
 * A port that is free now and stays free for the server it is picked for: tests and benchmarks
 * never take the fixed ports of a running `npm start`. It lies below the OS's ephemeral range,
 * because a port from that range (what `listen(0)` gives) can be taken in the seconds before the
 * server binds it by any outgoing connection, such as a pool's connection to PostgreSQL, and stay
 * taken for as long as that connection lives.
 */
export function freePort(): Promise<number> {
  const [lo] = ephemeralRange();
  return freePortIn(LOWEST, lo - 1);
}

/**
 * A free port in [min, max], tried at random: also for a server that stores its ports in a
 * narrower type than a port (Temporal keeps membership ports as a PostgreSQL smallint).
 */
export async function freePortIn(min: number, max: number, attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const port = min + Math.floor(Math.random() * (max - min + 1));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${min}-${max} after ${attempts} tries`);
}
