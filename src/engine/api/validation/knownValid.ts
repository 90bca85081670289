/**
 * Pieces of objects already found valid by one check. Admitted objects are never changed afterwards (what
 * the store holds is immutable), and the engine's controllers hand the same unchanged pieces back on their
 * next write (the address of a pod that did not change), so a piece that passed a check need not run it
 * again. Only for checks whose verdict depends on the piece alone (error texts may name its path; whether
 * there are errors may not): a check that also depends on a setting needs one set per setting.
 */
export class KnownValid<T extends object> {
  private readonly passed = new WeakSet<T>();

  /** Whether `piece` passed the check before (then it has no errors now). */
  has(piece: T): boolean {
    return this.passed.has(piece);
  }

  /** Returns the errors the check just found for `piece`, remembering it when there are none. */
  remember<E>(piece: T, errs: E[]): E[] {
    if (errs.length === 0) this.passed.add(piece);
    return errs;
  }
}
