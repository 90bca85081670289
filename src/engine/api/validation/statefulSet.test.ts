/**
 * Messages pinned from kubernetes/kubernetes `pkg/apis/apps/validation/validation.go` (1.34:
 * `ValidateStatefulSetSpec`, `ValidatePodTemplateSpecForStatefulSet`, `ValidateStatefulSetUpdate`,
 * `ValidateStatefulSetStatus`, `ValidateStatefulSetStatusUpdate`), PVC template rules from
 * `pkg/apis/core/validation/validation.go` `ValidatePersistentVolumeClaimSpec`, values rendered as
 * apimachinery v0.34 `pkg/util/validation/field/errors.go` `ErrorBody` does.
 */
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../shared';
import { defaultStatefulSet } from '../defaults/statefulSet';
import { fieldErrorText } from '../fieldErrors';
import type { StatefulSet } from '../types';
import { uniqueErrors } from './errorList';
import { validateStatefulSet, validateStatefulSetStatusUpdate, validateStatefulSetUpdate } from './statefulSet';

type Spec = NonNullable<StatefulSet['spec']>;
type Json = Record<string, unknown>;

/** The StatefulSet Basics tutorial's `web`, with a claim template mounted by the container. */
function web(edit: (spec: Spec & Json, sts: StatefulSet) => void = () => {}): StatefulSet {
  const sts: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
  edit(sts.spec as Spec & Json, sts);
  defaultStatefulSet(sts);
  return sts;
}

const messages = (sts: StatefulSet) => uniqueErrors(validateStatefulSet(sts)).map(fieldErrorText);
const forbiddenUpdate =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

describe('validateStatefulSet', () => {
  it('accepts the tutorial web: claim templates count as volumes of the pod template', () => {
    expect(messages(web())).toEqual([]);
  });

  it.each<[string, (spec: Spec & Json, sts: StatefulSet) => void, string[]]>([
    // ValidateStatefulSetName is NameIsDNSLabel (apimachinery IsDNS1123Label: "must not contain dots")
    ['a name with dots', (_s, sts) => {
(sts.metadata as Json).name = 'web.v1';
}, ['metadata.name: Invalid value: "web.v1": must not contain dots']],
    ['an unknown pod management policy', (s) => {
s.podManagementPolicy = 'Foo';
}, ["spec.podManagementPolicy: Invalid value: \"Foo\": must be 'OrderedReady' or 'Parallel'"]],
    [
      'an unknown update strategy, printed as the internal struct',
      (s) => {
s.updateStrategy = { type: 'Foo' };
},
      ['spec.updateStrategy: Invalid value: {"Type":"Foo","RollingUpdate":null}: must be \'RollingUpdate\' or \'OnDelete\''],
    ],
    [
      'rollingUpdate with OnDelete',
      (s) => {
s.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } };
},
      ['spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":1,"MaxUnavailable":null}: only allowed for updateStrategy \'RollingUpdate\''],
    ],
    [
      'negative partition, replicas, minReadySeconds and ordinals.start (revisionHistoryLimit is not checked)',
      (s) => {
        s.updateStrategy = { rollingUpdate: { partition: -1 } };
        s.replicas = -1;
        s.minReadySeconds = -2;
        s.ordinals = { start: -3 };
        s.revisionHistoryLimit = -4;
      },
      [
        'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0',
        'spec.ordinals.start: Invalid value: -3: must be greater than or equal to 0',
      ],
    ],
    [
      // PR #130233: optional, but a DNS label when set
      'a service name that is not a DNS label',
      (s) => {
s.serviceName = 'Nginx_svc';
},
      [
        "spec.serviceName: Invalid value: \"Nginx_svc\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['no service name at all', (s) => {
      delete (s as Json).serviceName;
    }, []],
    [
      'no selector: required, and a nil selector matches no labels',
      (s) => {
        delete (s as Json).selector;
      },
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`'],
    ],
    ['an empty selector', (s) => {
s.selector = {};
}, ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset']],
    [
      'a selector that does not parse: reported twice, the second time without a detail',
      (s) => {
s.selector = { matchExpressions: [{ key: 'app', operator: 'Foo' }] };
},
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Foo"}]}',
      ],
    ],
    [
      'template labels outside the selector',
      (s) => {
s.template.metadata = { labels: { app: 'other' } };
},
      ['spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`'],
    ],
    [
      'restartPolicy Never and an active deadline',
      (s) => void Object.assign(s.template.spec as unknown as Json, { restartPolicy: 'Never', activeDeadlineSeconds: 5 }),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
      ],
    ],
    [
      // PR #131790: the pod template is validated, with the claim templates as volumes
      'a mount of a claim template that does not exist',
      (s) => {
s.volumeClaimTemplates = [];
},
      ['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "www"'],
    ],
    ['a hostname or subdomain in the template (the controller overwrites both)', (s) => void Object.assign(s.template.spec as unknown as Json, { hostname: 'Bad_Host', subdomain: 'x.y' }), []],
    [
      'an unknown PVC retention policy',
      (s) => {
s.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' };
},
      ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"'],
    ],
    [
      // PR #132212: claim templates are validated as PVC specs
      'claim templates with bad modes, sizes and class names',
      (s) => {
        s.volumeClaimTemplates = [
          {
            metadata: { name: 'www' },
            spec: { accessModes: ['ReadWriteOncePod', 'ReadWriteOnce', 'Sometimes'], storageClassName: 'Fast_SSD', volumeMode: 'Raw', resources: { requests: { storage: '0Gi' } } },
          },
          { metadata: { name: 'data' }, spec: {} },
        ];
      },
      [
        'spec.volumeClaimTemplates[0].spec.accessModes: Unsupported value: "Sometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
        'spec.volumeClaimTemplates[0].spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
        'spec.volumeClaimTemplates[0].spec.resources[storage]: Invalid value: "0": must be greater than zero',
        "spec.volumeClaimTemplates[0].spec.storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.volumeClaimTemplates[0].spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
        'spec.volumeClaimTemplates[1].spec.accessModes: Required value: at least 1 access mode is required',
        'spec.volumeClaimTemplates[1].spec.resources[storage]: Required value',
      ],
    ],
    ['a template without a pod spec (defaulted, so only containers are missing)', (s) => {
        delete (s.template as Json).spec;
      }, ['spec.template.spec.containers: Required value']],
  ])('%s', (_name, edit, want) => {
    expect(messages(web(edit))).toEqual(want);
  });
});

describe('validateStatefulSetUpdate', () => {
  const update = (edit: (spec: Spec & Json) => void) => {
    const old = web();
    const next = cloneJson(old);
    edit(next.spec as Spec & Json);
    defaultStatefulSet(next);
    return uniqueErrors(validateStatefulSetUpdate(next, old)).map(fieldErrorText);
  };

  it('lets replicas, template, strategy, history, ordinals, retention and minReadySeconds change', () => {
    expect(
      update((s) => {
        s.replicas = 5;
        (s.template.spec as unknown as Json).containers = [{ ...s.template.spec?.containers[0], image: 'nginx:1.27' }];
        s.updateStrategy = { type: 'OnDelete' };
        s.revisionHistoryLimit = 3;
        s.ordinals = { start: 1 };
        s.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Delete' };
        s.minReadySeconds = 10;
      }),
    ).toEqual([]);
  });

  it.each<[string, (spec: Spec & Json) => void]>([
    ['serviceName', (s) => {
s.serviceName = 'other';
}],
    ['podManagementPolicy', (s) => {
s.podManagementPolicy = 'Parallel';
}],
    ['a claim template', (s) => {
(s.volumeClaimTemplates?.[0].spec?.resources?.requests as Json).storage = '2Gi';
}],
  ])('forbids changing %s', (_name, edit) => {
    expect(update(edit)).toEqual([forbiddenUpdate]);
  });

  it('forbids a selector change with the same message, after the template check', () => {
    expect(update((s) => {
s.selector = { matchLabels: { app: 'web' } };
})).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
      forbiddenUpdate,
    ]);
  });

  it('still checks the new spec', () => {
    expect(update((s) => {
s.replicas = -1;
})).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  });
});

describe('validateStatefulSetStatusUpdate', () => {
  const withStatus = (status: NonNullable<StatefulSet['status']>): StatefulSet => ({ ...web(), status });

  it('bounds the counts by status.replicas and readyReplicas', () => {
    const msgs = validateStatefulSetStatusUpdate(withStatus({ replicas: 1, readyReplicas: 2, availableReplicas: 3, updatedReplicas: -1 }), withStatus({ replicas: 0 })).map(
      fieldErrorText,
    );
    expect(msgs).toEqual([
      'status.updatedReplicas: Invalid value: -1: must be greater than or equal to 0',
      'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
      'status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas',
      'status.availableReplicas: Invalid value: 3: cannot be greater than status.readyReplicas',
    ]);
  });

  it('never lets collisionCount go down', () => {
    const msgs = validateStatefulSetStatusUpdate(withStatus({ replicas: 0 }), withStatus({ replicas: 0, collisionCount: 2 })).map(fieldErrorText);
    expect(msgs).toEqual(['status.collisionCount: Invalid value: 0: cannot be decremented']);
  });
});
