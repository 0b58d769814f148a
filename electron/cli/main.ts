// The `telescene` command line. From a checkout: `npm run telescene -- ARGS`.
// Each subcommand lives in its own module and gets the remaining arguments.
import { argv, exit, stderr } from 'node:process';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  clue: {
    summary: 'advertise [--room FILE] | check FILE [--adv FILE]: CLUE messages (RFC 8846, 8847)',
    load: async () => (await import('./clue')).default,
  },
  host: {
    summary: 'run the room with its UI in a local Chromium (browser host): [--config FILE] [--port N] [--no-browser]',
    load: async () => (await import('../host/main')).default,
  },
  srtp: {
    summary: 'protect|unprotect hex packets from stdin with SRTP/SRTCP (RFC 3711, 7714, 6904)',
    load: async () => (await import('./srtp')).default,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  telescene ${name.padEnd(8)} ${c.summary}`);
  return ['usage:', ...lines, ''].join('\n');
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    stderr.write(name && name !== '--help' ? `telescene: unknown command "${name}"\n${usage()}` : usage());
    return name && name !== '--help' ? 2 : 0;
  }
  return (await command.load())(rest);
}

main(argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    stderr.write(`telescene: ${err instanceof Error ? err.message : String(err)}\n`);
    exit(1);
  },
);
