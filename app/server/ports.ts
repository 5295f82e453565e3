// A port that is taken is an operator's problem, not a crash: say which port, which setting
// moves it, and how to find who holds it — on one line.
import type { Server } from 'node:http';
import net from 'node:net';

/** A start-up failure whose message is the whole story: printed as is, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export function portInUse(port: number, setting: string): StartupError {
  return new StartupError(
    `Port ${port} (${setting}) is already in use by another program. ` +
      `Stop that program (\`ss -ltnp 'sport = :${port}'\` names it) or set ${setting} to a free port.`,
  );
}

/** Listens, or rejects with a StartupError when the port is taken or not ours to use. */
export function listen(server: Server | net.Server, port: number, host: string, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(portInUse(port, setting));
      else if (error.code === 'EACCES') reject(new StartupError(`Port ${port} (${setting}) needs privileges this process lacks: set ${setting} to a port above 1023.`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new StartupError(`Cannot listen on ${host}:${port}: no such address on this machine (check HOST).`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Fails with a clear message if something already listens on 127.0.0.1:port. */
export async function assertPortFree(port: number, setting: string): Promise<void> {
  const probe = net.createServer();
  await listen(probe, port, '127.0.0.1', setting);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
