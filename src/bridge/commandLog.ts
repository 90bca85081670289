/**
 * The log of cluster-changing commands a restarted worker replays. A new `init` starts the log afresh (what
 * came before no longer matters) and consecutive `advance`s merge into one, so a long play session stays short.
 */
import type { Command } from '../protocol/messages';

export class CommandLog {
  private commands: Command[] = [];

  record(c: Command): void {
    if (c.type === 'init') {
      this.commands = [c];
      return;
    }
    const last = this.commands[this.commands.length - 1];
    if (c.type === 'advance' && last?.type === 'advance') {
      this.commands[this.commands.length - 1] = { type: 'advance', ms: last.ms + c.ms };
      return;
    }
    this.commands.push(c);
  }

  entries(): Command[] {
    return [...this.commands];
  }

  get size(): number {
    return this.commands.length;
  }
}
