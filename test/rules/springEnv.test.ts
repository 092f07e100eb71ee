// Spring Boot settings passed as environment variables of a docker-compose service
// (`SPRING_KAFKA_*`, surface 'spring-env'): how the names bind, and the rules that judge them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester.js';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import { completeAt } from '../../server/src/engine/complete.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { springEnvName, springEnvPath } from '../../server/src/engine/knowledge/spring.js';
import { readYamlStream } from '../../server/src/engine/parsers/yaml.js';
import { classifyDoc } from '../../server/src/engine/parsers/yamlCommon.js';

const P = 'docker-compose.yml';

/** A compose file with a broker and one application service with these `environment` lines (map form, 6 spaces in). */
const app = (env: string, service = 'orders') => `services:\n  kafka:\n    image: apache/kafka:3.9.0\n  ${service}:\n    build: .\n    environment:\n${env}`;

describe('Spring Boot environment variable names', () => {
  it('binds both spellings Boot looks up, in upper or lower case', () => {
    assert.equal(springEnvPath('SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT'), 'consumer.enable-auto-commit');
    assert.equal(springEnvPath('SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT'), 'consumer.enable-auto-commit');
    assert.equal(springEnvPath('spring_kafka_producer_acks'), 'producer.acks');
    assert.equal(springEnvPath('SPRING_KAFKA_LISTENER_ACK_MODE'), 'listener.ack-mode');
    assert.equal(springEnvPath('SPRING_KAFKA_PRODUCER_SSL_KEY_STORE_LOCATION'), 'producer.ssl.key-store-location');
    assert.equal(springEnvPath('SPRING_KAFKA_BOOTSTRAP_SERVERS'), 'bootstrap-servers');
  });
  it('reads every element after a map property as part of the Kafka key', () => {
    assert.equal(springEnvPath('SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE'), 'properties[enable.idempotence]');
    assert.equal(springEnvPath('SPRING_KAFKA_PRODUCER_PROPERTIES_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION'), 'producer.properties[max.in.flight.requests.per.connection]');
  });
  it('keeps unknown names below a section, and a single element, for unknown-key', () => {
    assert.equal(springEnvPath('SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESETT'), 'consumer.auto-offset-resett');
    assert.equal(springEnvPath('SPRING_KAFKA_ACKS'), 'acks');
  });
  it('reads nothing from names Boot would not bind or that are no Kafka client settings', () => {
    for (const n of ['Spring_Kafka_Producer_Acks', 'SPRING_KAFKA__ACKS', 'SPRING_KAFKA_PRODUCER_0', 'SPRING_KAFKA_TEMPLATE_DEFAULT_TOPIC', 'SPRING_KAFKA_PROPERTIES', 'KAFKA_ACKS', 'SPRING_KAFKAX']) {
      assert.equal(springEnvPath(n), undefined, n);
    }
  });
  it('writes names in the form Boot documents, or the legacy one', () => {
    assert.equal(springEnvName('consumer.enable-auto-commit'), 'SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT');
    assert.equal(springEnvName('consumer.enable-auto-commit', true), 'SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT');
    assert.equal(springEnvName('producer.properties[enable.idempotence]'), 'SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE');
    assert.equal(springEnvName('properties[linger.ms]', true), 'SPRING_KAFKA_PROPERTIES_LINGER_MS');
  });
});

describe('Spring Boot environment variables: the model', () => {
  it('one unit per client, with the shared settings in each, for a service with or without an image', () => {
    const text = app('      SPRING_KAFKA_PROPERTIES_LINGER_MS: "5"\n      SPRING_KAFKA_PRODUCER_ACKS: all\n      SPRING_KAFKA_CONSUMER_GROUP_ID: billing\n');
    const file = parseFile({ text, path: P });
    const env = file!.units.filter((u) => u.surface === 'spring-env');
    assert.deepEqual(env.map((u) => [u.role, u.client, u.settings.map((s) => s.key)]), [
      ['producer', 'java', ['linger.ms', 'acks']],
      ['consumer', 'java', ['linger.ms', 'group.id']],
    ]);
    assert.equal(text.slice(env[0].anchor.start, env[0].anchor.end), 'orders');
    assert.equal(env[0].facts.partial, true);
  });
  it('converts values as Boot converts the property (a Duration to milliseconds)', () => {
    const file = parseFile({ text: app('      - SPRING_KAFKA_CONSUMER_MAX_POLL_INTERVAL=5m\n'), path: P });
    const s = file!.units.find((u) => u.surface === 'spring-env')!.settings[0];
    assert.deepEqual([s.key, s.value, s.rawValue], ['max.poll.interval.ms', '300000', '5m']);
  });
  it('a broker image keeps its own reading, and variables of other programs make no unit', () => {
    const text = 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n  web:\n    image: nginx\n    environment:\n      NGINX_PORT: 80\n';
    const file = parseFile({ text, path: P });
    assert.deepEqual(file!.units.map((u) => u.surface), ['compose']);
  });
  it('hover on a variable explains the Kafka key with the Spring default', () => {
    const text = app('      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n');
    const file = parseFile({ text, path: P })!;
    const md = describeAt(file, text.indexOf('ENABLE_AUTO_COMMIT') + 1, resolveOptions([]))?.markdown ?? '';
    assert.match(md, /`enable\.auto\.commit`/);
    assert.match(md, /Default when unset: `false` \(spring-kafka default/);
  });
  it('what the service leaves unset is not judged: the application files may set it', () => {
    const res = lint({ text: app('      SPRING_KAFKA_CONSUMER_GROUP_ID: billing\n      SPRING_KAFKA_PRODUCER_CLIENT_ID: billing\n'), path: P }, resolveOptions([{ source: 'test', options: { kafkaVersion: '2.8' } }]));
    assert.deepEqual(res.findings.map((f) => f.ruleId), []);
  });
});

ruleTester('acks', {
  valid: [{ name: 'acks all', path: P, code: app('      SPRING_KAFKA_PRODUCER_ACKS: all\n') }],
  invalid: [
    {
      name: 'acks 1 in the map form',
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_ACKS: "1"\n'),
      errors: [{ text: '1', severity: 'warning', message: '`SPRING_KAFKA_PRODUCER_ACKS: 1`: the leader acknowledges before the followers copy the record', fixes: ['Set `SPRING_KAFKA_PRODUCER_ACKS: all`'] }],
      output: app('      SPRING_KAFKA_PRODUCER_ACKS: "all"\n'),
    },
    {
      name: 'acks 0 in the list form, lower case',
      path: P,
      code: app('      - spring_kafka_producer_acks=0\n'),
      errors: [{ text: '0', severity: 'error' }],
      output: app('      - spring_kafka_producer_acks=all\n'),
    },
  ],
});

ruleTester('auto-commit', {
  valid: [
    { name: 'auto-commit off', path: P, code: app('      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n') },
    {
      name: "another service's manual ack mode says nothing about this one",
      path: P,
      code: app('      SPRING_KAFKA_LISTENER_ACK_MODE: MANUAL\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n') + '  billing:\n    build: ./billing\n    environment:\n      SPRING_KAFKA_CONSUMER_GROUP_ID: billing\n',
    },
  ],
  invalid: [
    {
      name: 'auto-commit on, the uniform spelling',
      path: P,
      code: app('      - SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT=true\n'),
      errors: [{ text: 'true', severity: 'warning', message: 'the listener container no longer commits after your listener returns', fixes: ['Set `SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT=false`'] }],
      output: app('      - SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT=false\n'),
    },
    {
      name: "with the same service's manual ack mode the container does not start; another service's true stays a warning",
      path: P,
      code:
        app('      SPRING_KAFKA_LISTENER_ACK_MODE: manual_immediate\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n') +
        '  billing:\n    build: ./billing\n    environment:\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n',
      errors: [
        { line: 8, text: 'true', severity: 'error', message: 'with `SPRING_KAFKA_LISTENER_ACK_MODE: manual_immediate`: spring-kafka refuses to start' },
        { line: 12, text: 'true', severity: 'warning' },
      ],
      output:
        app('      SPRING_KAFKA_LISTENER_ACK_MODE: manual_immediate\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n') +
        '  billing:\n    build: ./billing\n    environment:\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n',
    },
  ],
});

ruleTester('idempotence', {
  valid: [{ name: 'idempotence on', path: P, code: app('      SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: "true"\n') }],
  invalid: [
    {
      name: "a service's shared settings are its producer's, whatever another service's producer section",
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_ACKS: all\n') + '  audit:\n    build: ./audit\n    environment:\n      SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE: "false"\n',
      errors: [{ line: 11, text: 'false', severity: 'warning' }],
      output: app('      SPRING_KAFKA_PRODUCER_ACKS: all\n') + '  audit:\n    build: ./audit\n    environment:\n      SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE: "true"\n',
    },
    {
      name: 'idempotence off in the producer map; the fix keeps the variable',
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: "false"\n'),
      errors: [{ text: 'false', severity: 'warning', fixes: ['Set `SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: true`'] }],
      output: app('      SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: "true"\n'),
    },
    {
      name: 'retries 0: the fix inserts the producer map entry in the list form',
      path: P,
      code: app('      - SPRING_KAFKA_PRODUCER_RETRIES=0\n'),
      errors: [{ text: '0', severity: 'information' }],
      output: app('      - SPRING_KAFKA_PRODUCER_RETRIES=2147483647\n      - SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE=true\n'),
    },
  ],
});

ruleTester('invalid-value', {
  valid: [{ name: 'an isolation level bound leniently', path: P, code: app('      SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL: read-committed\n') }],
  invalid: [
    {
      name: 'a Duration Boot cannot read',
      path: P,
      code: app('      SPRING_KAFKA_CONSUMER_MAX_POLL_INTERVAL: 5 minutes\n'),
      errors: [{ text: '5 minutes', severity: 'error', message: 'Spring Boot cannot read it as a Duration' }],
    },
  ],
});

ruleTester('unknown-key', {
  valid: [
    { name: 'a Boot property we do not model, in the legacy spelling', path: P, code: app('      SPRING_KAFKA_PRODUCER_SSL_KEY_STORE_KEY: x\n') },
    { name: 'an area of Boot that is no client', path: P, code: app('      SPRING_KAFKA_TEMPLATE_DEFAULT_TOPIC: orders\n') },
  ],
  invalid: [
    {
      name: 'a misspelled property, renamed in the spelling the service uses',
      path: P,
      code: app('      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n      SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESETT: earliest\n'),
      errors: [{ text: 'SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESETT', message: 'Did you mean `SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET`?', fixes: ['Rename to `SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET`'] }],
      output: app('      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n      SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET: earliest\n'),
    },
    {
      name: "a section's property one level too high",
      path: P,
      code: app('      - SPRING_KAFKA_ACKS=all\n'),
      errors: [{ text: 'SPRING_KAFKA_ACKS', message: 'Did you mean `SPRING_KAFKA_PRODUCER_ACKS`?' }],
      output: app('      - SPRING_KAFKA_PRODUCER_ACKS=all\n'),
    },
    {
      name: 'a misspelled Kafka key in the shared map stays in the map',
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_ACKS: all\n      SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTANCE: "true"\n'),
      errors: [{ text: 'SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTANCE', message: 'Did you mean `SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE`?' }],
      output: app('      SPRING_KAFKA_PRODUCER_ACKS: all\n      SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE: "true"\n'),
    },
  ],
});

// ---- Kubernetes workloads: the same variables in a container's `env` list ----

const K = 'deployment.yaml';
/** A Deployment with one container whose `env` holds these items (12 spaces in). */
const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: example/orders:2.1\n          env:\n${env}`;

describe('Spring Boot environment variables in Kubernetes workloads', () => {
  it("each container's variables make its units, at the pod spec of every workload kind", () => {
    const cron =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: export\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n' +
      '            - name: migrate\n              env:\n                - {name: SPRING_KAFKA_ADMIN_CLIENT_ID, value: migrate}\n          containers:\n' +
      '            - name: export\n              env:\n                - name: SPRING_KAFKA_PRODUCER_ACKS\n                  value: "1"\n';
    const text = deployment('            - name: SPRING_KAFKA_CONSUMER_GROUP_ID\n              value: billing\n') + '---\n' + cron;
    const units = parseFile({ text, path: K })!.units;
    assert.deepEqual(units.map((u) => [u.surface, u.role, u.facts.resourceName, text.slice(u.anchor.start, u.anchor.end)]), [
      ['spring-env', 'consumer', 'orders', 'orders'],
      ['spring-env', 'admin', 'migrate', 'migrate'],
      ['spring-env', 'producer', 'export', 'export'],
    ]);
  });
  it('values from valueFrom, $(VAR), a Spring placeholder or an envsubst $VAR are not judged', () => {
    const text = deployment(
      '            - name: SPRING_KAFKA_PRODUCER_ACKS\n              valueFrom:\n                configMapKeyRef: {name: kafka, key: acks}\n' +
        '            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: $(AUTO_COMMIT)\n' +
        '            - name: SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET\n              value: ${RESET:latest}\n' +
        '            - name: SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL\n              value: $ISOLATION\n',
    );
    const file = parseFile({ text, path: K })!;
    assert.deepEqual(file.units.flatMap((u) => u.settings.map((s) => [s.key, s.dynamic])), [
      ['acks', true],
      ['enable.auto.commit', true],
      ['auto.offset.reset', true],
      ['isolation.level', true],
    ]);
    assert.deepEqual(lint({ text, path: K }, resolveOptions([])).findings, []);
  });
  it("a ConfigMap entry a container reads through valueFrom is judged once, as the container's variable; its other entries stay the ConfigMap's", () => {
    const configMap =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-config\ndata:\n  SPRING_KAFKA_PRODUCER_ACKS: "1"\n  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n---\n';
    const text =
      configMap +
      deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              valueFrom:\n                configMapKeyRef: {name: orders-config, key: SPRING_KAFKA_PRODUCER_ACKS}\n');
    const found = lint({ text, path: K }, resolveOptions([])).findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end), f.message.slice(0, 30)]);
    assert.deepEqual(found, [
      ['acks', '1', '`SPRING_KAFKA_PRODUCER_ACKS=1`'],
      ['idempotence', '1', '`SPRING_KAFKA_PRODUCER_ACKS=1`'],
      ['auto-commit', 'true', '`SPRING_KAFKA_CONSUMER_ENABLE_'],
    ]);
    // Without the reference, the ConfigMap judges the entry itself.
    const alone = lint({ text: configMap + deployment('            - name: SPRING_KAFKA_CONSUMER_GROUP_ID\n              value: orders\n'), path: K }, resolveOptions([])).findings;
    assert.deepEqual(alone.map((f) => f.ruleId), ['acks', 'idempotence', 'auto-commit']);
  });
  it("hover on a container's variable: the Kafka key, the value in effect and Spring's default", () => {
    const text = deployment('            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: "true"\n');
    const md = describeAt(parseFile({ text, path: K })!, text.indexOf('ENABLE_AUTO') + 1, resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]))?.markdown ?? '';
    assert.match(md, /`enable\.auto\.commit`/);
    assert.match(md, /SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT=true/);
  });
  it("only a workload that names a Spring variable is read as one (the others' nodes are not kept)", () => {
    const text = deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n') + '---\n' + deployment('            - name: JAVA_OPTS\n              value: -Xmx1g\n');
    assert.deepEqual(readYamlStream(text).docs.map((d) => classifyDoc(text, d)), ['workload', 'other']);
  });
  it('a Helm template is read where its YAML reads: a written value is judged, a templated one is not', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          env:\n' +
      '            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "1"\n            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: {{ .Values.autoCommit | quote }}\n';
    const res = lint({ text, path: 'templates/deployment.yaml' }, resolveOptions([]));
    assert.deepEqual(res.findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]), [['acks', '1'], ['idempotence', '1']]);
  });
  it('a ConfigMap or a Service is no workload (a ConfigMap is a source of variables for envFrom)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kafka\ndata:\n  SPRING_KAFKA_PRODUCER_ACKS: "1"\n';
    assert.deepEqual(parseFile({ text, path: K })!.units.map((u) => u.id), ['configmap#0:spring/producer']);
    assert.deepEqual(parseFile({ text: text.replace('ConfigMap', 'Service'), path: K })!.units, []);
  });
});

ruleTester('acks', {
  valid: [{ name: 'a container with acks all', path: K, code: deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n') }],
  invalid: [
    {
      name: "a container's acks 1",
      path: K,
      code: deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "1"\n'),
      errors: [{ text: '1', severity: 'warning', message: '`SPRING_KAFKA_PRODUCER_ACKS=1`:', fixes: ['Set `SPRING_KAFKA_PRODUCER_ACKS=all`'] }],
      output: deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "all"\n'),
    },
  ],
});

ruleTester('auto-commit', {
  valid: [],
  invalid: [
    {
      name: 'a plain value becomes a string Kubernetes accepts',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: yes\n'),
      errors: [{ text: 'yes', severity: 'warning' }],
      output: deployment('            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: "false"\n'),
    },
  ],
});

ruleTester('idempotence', {
  valid: [],
  invalid: [
    {
      name: 'two Deployments with a container of the same name are two applications',
      path: K,
      code:
        deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n') +
        '---\n' +
        deployment('            - name: SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE\n              value: "false"\n').replace('name: orders\nspec', 'name: audit\nspec'),
      errors: [{ line: 27, text: 'false', severity: 'warning' }],
      output:
        deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n') +
        '---\n' +
        deployment('            - name: SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE\n              value: "true"\n').replace('name: orders\nspec', 'name: audit\nspec'),
    },
    {
      name: 'retries 0: the fix appends an env item in the block form',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_PRODUCER_RETRIES\n              value: "0"\n'),
      errors: [{ text: '0', severity: 'information' }],
      output: deployment(
        '            - name: SPRING_KAFKA_PRODUCER_RETRIES\n              value: "2147483647"\n            - name: SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE\n              value: "true"\n',
      ),
    },
    {
      name: '... and in the flow form',
      path: K,
      code: deployment('            - {name: SPRING_KAFKA_PRODUCER_RETRIES, value: "0"}\n'),
      errors: [{ text: '0', severity: 'information' }],
      output: deployment(
        '            - {name: SPRING_KAFKA_PRODUCER_RETRIES, value: "2147483647"}\n            - { name: SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE, value: "true" }\n',
      ),
    },
  ],
});

ruleTester('unknown-key', {
  valid: [],
  invalid: [
    {
      name: 'a misspelled variable set twice: both renamed in one run',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_PRODUCER_CLIENT_ID\n              value: o\n            - name: SPRING_KAFKA_ACKS\n            - name: SPRING_KAFKA_ACKS\n              value: all\n'),
      errors: [
        { line: 14, text: 'SPRING_KAFKA_ACKS' },
        { line: 15, text: 'SPRING_KAFKA_ACKS' },
      ],
      output: deployment(
        '            - name: SPRING_KAFKA_PRODUCER_CLIENT_ID\n              value: o\n            - name: SPRING_KAFKA_PRODUCER_ACKS\n            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n',
      ),
    },
    {
      name: 'a misspelled variable is renamed in its env item, in the spelling it was written in',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_CONSUMER_ISOLATION_LEVLE\n              value: read_committed\n'),
      errors: [{ text: 'SPRING_KAFKA_CONSUMER_ISOLATION_LEVLE', message: 'Did you mean `SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL`?' }],
      output: deployment('            - name: SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL\n              value: read_committed\n'),
    },
  ],
});

ruleTester('retries', {
  valid: [],
  invalid: [
    {
      name: 'the fix removes the env item',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_BOOTSTRAP_SERVERS\n              value: kafka:9092\n            - name: SPRING_KAFKA_PRODUCER_RETRIES\n              value: "0"\n'),
      errors: [{ text: '0', severity: 'warning' }],
      output: deployment('            - name: SPRING_KAFKA_BOOTSTRAP_SERVERS\n              value: kafka:9092\n'),
    },
  ],
});

ruleTester('duplicate-key', {
  valid: [
    { name: 'a shared entry refined for the producer', path: P, code: app('      SPRING_KAFKA_PROPERTIES_ACKS: "1"\n      SPRING_KAFKA_PRODUCER_ACKS: all\n') },
  ],
  invalid: [
    {
      name: 'two spellings of one property: Boot reads the one without dashes first, wherever it stands',
      path: P,
      code: app('      SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT: "false"\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n'),
      errors: [{ line: 8, text: 'SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT', message: 'has no effect: `SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT: false` on line 7 sets the same setting and takes precedence' }],
      output: app('      SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT: "false"\n'),
    },
    {
      name: '... and upper case before lower case',
      path: P,
      code: app('      - SPRING_KAFKA_PRODUCER_ACKS=all\n      - spring_kafka_producer_acks=1\n'),
      errors: [{ line: 8, text: 'spring_kafka_producer_acks' }],
      output: app('      - SPRING_KAFKA_PRODUCER_ACKS=all\n'),
    },
    {
      name: "the client's map entry over the dedicated property",
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_PROPERTIES_ACKS: all\n      SPRING_KAFKA_PRODUCER_ACKS: "1"\n'),
      errors: [{ line: 8, text: 'SPRING_KAFKA_PRODUCER_ACKS', message: 'a `properties[...]` entry overrides the dedicated Spring property' }],
      output: app('      SPRING_KAFKA_PRODUCER_PROPERTIES_ACKS: all\n'),
    },
    {
      name: 'the same name twice in a container: the later item wins',
      path: K,
      code: deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "1"\n            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n'),
      errors: [{ line: 12, text: 'SPRING_KAFKA_PRODUCER_ACKS', message: 'the last occurrence wins' }],
      output: deployment('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n'),
    },
  ],
});

// ---- compose maps: a boolean written by a fix is quoted (docker-compose 1.x refuses a YAML boolean there) ----

ruleTester('idempotence', {
  valid: [],
  invalid: [
    {
      name: 'retries 0 in the map form: the inserted boolean is quoted',
      path: P,
      code: app('      SPRING_KAFKA_PRODUCER_RETRIES: 0\n'),
      errors: [{ text: '0', severity: 'information' }],
      output: app('      SPRING_KAFKA_PRODUCER_RETRIES: 2147483647\n      SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: "true"\n'),
    },
  ],
});

ruleTester('unclean-leader-election', {
  valid: [],
  invalid: [
    {
      name: "a broker image's plain boolean is replaced by a quoted one",
      path: P,
      code: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true\n',
      errors: [{ text: 'true', severity: 'error' }],
      output: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n',
    },
  ],
});

describe('Spring Boot environment variables in ConfigMaps and Secrets (for envFrom)', () => {
  const C = 'k8s/orders-env.yaml';
  const O = resolveOptions([]);
  const cm = (data: string, name = 'orders-env', kind = 'ConfigMap') =>
    `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${kind === 'Secret' ? 'stringData' : 'data'}:\n${data}`;
  const ids = (text: string) => lint({ text, path: C }, O).findings.map((f) => `${f.ruleId}:${text.slice(f.span.start, f.span.end)}`);

  it("judges a ConfigMap's and a Secret's SPRING_KAFKA_ entries as the variables they become", () => {
    const text = cm('  SPRING_PROFILES_ACTIVE: prod\n  SPRING_KAFKA_PRODUCER_ACKS: "0"\n  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n  SPRING_KAFKA_LISTENER_ACK_MODE: manual\n');
    const r = lint({ text, path: C }, O);
    assert.deepEqual(
      r.findings.filter((f) => f.severity !== 'information').map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`),
      ['acks error 0', 'auto-commit error true'],
    );
    assert.ok(ids(cm('  SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE: "false"\n', 's', 'Secret')).includes('idempotence:false'));
  });

  it('reads nothing of other resources, other entries, or a base64 Secret', () => {
    assert.deepEqual(ids(cm('  KAFKA_ACKS: "0"\n  application.name: x\n')), []);
    assert.deepEqual(ids('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\ndata:\n  SPRING_KAFKA_PRODUCER_ACKS: "0"\n'), []);
    assert.deepEqual(ids('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  SPRING_KAFKA_PRODUCER_ACKS: MA==\n'), []);
  });

  it('each resource is its own application: an ack mode in one says nothing of auto-commit in another', () => {
    const text = cm('  SPRING_KAFKA_LISTENER_ACK_MODE: manual\n', 'a') + '---\n' + cm('  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n', 'b');
    const r = lint({ text, path: C }, O);
    assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.severity}`), ['auto-commit warning']);
  });

  it('fixes keep every value a string, and add variables to the map in its spelling', () => {
    const text = cm('  SPRING_KAFKA_PRODUCER_PROPERTIES_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION: 10\n  spring_kafka_producer_retries: "0"\n');
    const fixed = fixText({ text, path: C }, O, { unsafe: true }).output;
    assert.match(fixed, /SPRING_KAFKA_PRODUCER_PROPERTIES_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION: "5"\n/);
    assert.doesNotMatch(fixed, /: (?:true|false|\d+)\s*$/m);
    assert.equal(fixText({ text: fixed, path: C }, O, { unsafe: true }).applied, 0);
    assert.deepEqual(readYamlStream(fixed).docs.map((d) => d.errors.length), [0]);
    // `unknown-key` renames in the resource's own spelling.
    const bad = cm('  SPRING_KAFKA_ACKS: all\n');
    const f = lint({ text: bad, path: C }, O).findings.find((x) => x.ruleId === 'unknown-key')!;
    assert.equal(f.fixes[0].edits[0].newText, 'SPRING_KAFKA_PRODUCER_ACKS');
  });

  it("a resource that a container of the file takes in is read as part of that container, whose env wins", () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: example/orders:1.0\n' +
      '          envFrom:\n            - configMapRef:\n                name: orders-env\n          env:\n            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: all\n';
    const text = cm('  SPRING_KAFKA_PRODUCER_ACKS: "1"\n  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "true"\n') + '---\n' + deployment;
    const file = parseFile({ text, path: C })!;
    assert.deepEqual([...new Set(file.units.map((u) => u.facts.holder))], ['k8s#1:containers[0]']);
    // acks=1 is overridden by the container's env: no acks finding, but a note that the entry has no effect.
    assert.deepEqual(ids(text), ['duplicate-key:SPRING_KAFKA_PRODUCER_ACKS', 'auto-commit:true']);
    const md = describeAt(file, text.indexOf('ENABLE_AUTO_COMMIT') + 1, O)?.markdown ?? '';
    assert.match(md, /From `ConfigMap orders-env`, which the container takes in through `envFrom`/);
    const fixed = fixText({ text, path: C }, O, { unsafe: true }).output;
    assert.match(fixed, /SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n/);
    assert.doesNotMatch(fixed, /SPRING_KAFKA_PRODUCER_ACKS: "1"/);
    // Without the reference it is an application of its own again.
    assert.deepEqual(ids(text.replace('name: orders-env\n          env', 'name: other-env\n          env')), ['acks:1', 'idempotence:1', 'auto-commit:true']);
  });

  it('hovers an entry, and completes names and (quoted) values in data', () => {
    const text = cm('  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n');
    const md = describeAt(parseFile({ text, path: C })!, text.indexOf('ENABLE_AUTO_COMMIT') + 1, O)?.markdown ?? '';
    assert.match(md, /enable\.auto\.commit/);
    const names = (line: string) => completeAt(text + line, C, (text + line).length, O);
    assert.ok(names('  SPRING_KAFKA_PRODUCER_A').some((i) => i.label === 'SPRING_KAFKA_PRODUCER_ACKS' && i.insertText === 'SPRING_KAFKA_PRODUCER_ACKS: '));
    const acks = names('  SPRING_KAFKA_PRODUCER_ACKS: ');
    assert.ok(acks.some((i) => i.insertText === '"1"'), acks.map((i) => i.insertText).join(','));
    assert.ok(acks.some((i) => i.insertText === 'all'));
    // Not in another resource's data.
    const other = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\ndata:\n  SPRING_KAFKA_PRODUCER_A';
    assert.ok(!completeAt(other, C, other.length, O).some((i) => i.label.startsWith('SPRING_KAFKA_')));
  });
});
