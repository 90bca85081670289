/**
 * Which tab saves the session. Two tabs saving one log would interleave their commands and overwrite each
 * other's editor text, so exactly one tab saves (the owner); a tab that finds another one running asks the user
 * whether to take over (the other tab then stops saving and says so) or to keep running without saving.
 *
 * Ownership is a Web Lock where the browser has them (exact, whatever the timing). Otherwise a new tab says
 * hello on the channel and owns unless a saving tab answers in time. The channel also tells the owner that a
 * new tab opened.
 */
import type { OwnerLock } from './ownerLock';
import type { TabChannel, TabMessage } from './tabChannel';

/**
 * - `deciding`: just started, listening whether another tab answers.
 * - `owner`: saves the session.
 * - `conflict`: another tab is running; the user has not chosen yet (nothing is saved meanwhile).
 * - `passive`: the user chose to keep this tab without saving.
 * - `readOnly`: another tab took over; this one no longer saves.
 */
export type TabRole = 'deciding' | 'owner' | 'conflict' | 'passive' | 'readOnly';

export interface TabCoordinatorOptions {
  onRole(role: TabRole): void;
  /** The owner learns that a new tab opened (it keeps saving until that tab takes over). */
  onOtherTabOpened?(): void;
  /** Runs `fn` after `ms` (setTimeout in the browser). */
  later(ms: number, fn: () => void): void;
  /** Without a lock: how long a new tab listens for an answer before it saves. */
  waitMs?: number;
  lock?: OwnerLock;
}

export class TabCoordinator {
  private current: TabRole = 'deciding';

  constructor(
    private readonly channel: TabChannel | undefined,
    private readonly id: string,
    private readonly options: TabCoordinatorOptions,
  ) {}

  get role(): TabRole {
    return this.current;
  }

  /** Whether the lock decides (then `here`/`takeover` messages are only informative). */
  private locked = false;

  /** Announces this tab and becomes the owner if no other tab saves. */
  start(): void {
    this.channel?.listen((m) => this.onMessage(m));
    this.channel?.post({ type: 'hello', from: this.id });
    const lock = this.options.lock;
    if (lock) {
      this.locked = true;
      void lock.tryAcquire(() => this.lost()).then((owned) => {
        if (owned === undefined) {
          this.locked = false;
          this.startWithoutLock();
        } else if (this.current === 'deciding') this.set(owned ? 'owner' : 'conflict');
      });
      return;
    }
    this.startWithoutLock();
  }

  /** The user chose to save here: every other tab stops saving. */
  takeOver(): void {
    this.channel?.post({ type: 'takeover', from: this.id });
    if (this.locked && this.options.lock) {
      void this.options.lock.steal(() => this.lost()).then(() => this.set('owner'));
      return;
    }
    this.set('owner');
  }

  private startWithoutLock(): void {
    if (!this.channel) {
      this.set('owner');
      return;
    }
    this.options.later(this.options.waitMs ?? 300, () => {
      if (this.current === 'deciding') this.set('owner');
    });
  }

  /** Another tab stole the lock. */
  private lost(): void {
    if (this.current === 'owner') this.set('readOnly');
  }

  /** The user chose to keep this tab without saving. */
  keepWithoutSaving(): void {
    this.set('passive');
  }

  private onMessage(m: TabMessage): void {
    if (m.from === this.id) return;
    if (m.type === 'hello') {
      // a tab that saves, or may still choose to, answers; tabs that do not save stay silent
      if (this.current === 'owner' || this.current === 'deciding' || this.current === 'conflict') {
        this.channel?.post({ type: 'here', from: this.id, to: m.from });
      }
      if (this.current === 'owner') this.options.onOtherTabOpened?.();
    } else if (this.locked) {
      // the lock decides who saves
    } else if (m.type === 'here') {
      if (m.to === this.id && this.current === 'deciding') this.set('conflict');
    } else if (m.type === 'takeover') {
      if (this.current === 'owner') this.set('readOnly');
      else if (this.current === 'deciding') this.set('conflict');
    }
  }

  private set(role: TabRole): void {
    if (role === this.current) return;
    this.current = role;
    this.options.onRole(role);
  }
}
