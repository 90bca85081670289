/**
 * The cluster's entry points (NodePorts per node, LoadBalancer addresses), computed once per Service or
 * EndpointSlice change and shared by every node box, not once per box.
 */
import { useMemo } from 'react';
import { type AppState, useAppStore } from '../../state/store';
import { type EntryPoints, entryPoints } from './entryPoints';

const selectServices = (s: AppState) => s.mirror.versions.Service;
const selectSlices = (s: AppState) => s.mirror.versions.EndpointSlice;

let shared: { services: unknown; slices: unknown; value: EntryPoints } | undefined;

export function useEntryPoints(): EntryPoints {
  const services = useAppStore(selectServices);
  const slices = useAppStore(selectSlices);
  return useMemo(() => {
    if (shared && shared.services === services && shared.slices === slices) return shared.value;
    const objects = useAppStore.getState().mirror.objects;
    const value = entryPoints(objects.ofKind('Service').values() as Iterable<never>, objects.ofKind('EndpointSlice').values() as Iterable<never>);
    shared = { services, slices, value };
    return value;
  }, [services, slices]);
}
