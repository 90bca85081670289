/**
 * `kubectl debug --profile` for an ephemeral container (kubectl v0.34.0 `pkg/cmd/debug/profiles.go`, the
 * `ephemeral` debug style of each profile): what each one sets in the debug container's securityContext. The
 * default in v0.34.0 is still `legacy`, which changes nothing and is deprecated.
 */
import type { Container } from '../../engine/api/types';
import { fail } from '../cli/errors';

export const debugProfiles = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'] as const;
export type DebugProfile = (typeof debugProfiles)[number];

/** NewProfileApplier: an unknown name fails in Complete, before any validation. */
export function parseDebugProfile(name: string): DebugProfile {
  if (!(debugProfiles as readonly string[]).includes(name)) throw fail(`unknown profile: ${name}`);
  return name as DebugProfile;
}

type SecurityContext = NonNullable<Container['securityContext']>;

function addCapability(sc: SecurityContext, capability: string): SecurityContext {
  return { ...sc, capabilities: { ...sc.capabilities, add: [...(sc.capabilities?.add ?? []), capability] } };
}

/** The profile's changes to a debug container added as an ephemeral container (its own copy is returned). */
export function applyEphemeralProfile(profile: DebugProfile, c: Container): Container {
  const sc: SecurityContext = c.securityContext ?? {};
  switch (profile) {
    case 'legacy':
      return c;
    case 'general':
      // allowProcessTracing: SYS_PTRACE, so tools can look into the --target container's processes
      return { ...c, securityContext: addCapability(sc, 'SYS_PTRACE') };
    case 'baseline': {
      // clearSecurityContext
      const { securityContext: _cleared, ...rest } = c;
      return rest;
    }
    case 'restricted':
      // clearSecurityContext, disallowRoot, dropCapabilities, disallowPrivilegeEscalation, setSeccompProfile
      return {
        ...c,
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      };
    case 'netadmin':
      return { ...c, securityContext: addCapability(addCapability(sc, 'NET_ADMIN'), 'NET_RAW') };
    case 'sysadmin':
      return { ...c, securityContext: { ...sc, privileged: true } };
  }
}
