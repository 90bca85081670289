import { describe, expect, it } from 'vitest';
import { syncedAge } from './KubeProxyBadge';

// ages as k8s.io/apimachinery pkg/util/duration/duration_test.go prints them
describe('syncedAge', () => {
  it('reads like kubectl ages', () => {
    expect([0, 3, 119, 120, 125, 599, 600, 10799, 10800, 12600, 30600].map(syncedAge)).toEqual(['0s', '3s', '119s', '2m', '2m5s', '9m59s', '10m', '179m', '3h', '3h30m', '8h']);
  });
});
