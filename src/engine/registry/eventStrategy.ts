/** Registry strategy for core/v1 Events (`pkg/registry/core/event/strategy.go`): legacy validation only. */
import type { Strategy } from '../apiserver/strategy';
import { validateEvent } from '../api/validation/event';

/** Admission (defaults, validation, strategy hooks) for Event objects. */
export const eventStrategy: Strategy<'Event'> = {
  kind: 'Event',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults() {},
  validate: (ev) => validateEvent(ev),
  validateUpdate: (ev) => validateEvent(ev),
};
