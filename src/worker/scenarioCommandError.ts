/** A scenario command the worker refuses (no such scenario, an invalid one, none open): bad input, not a bug. */
export class ScenarioCommandError extends Error {}
