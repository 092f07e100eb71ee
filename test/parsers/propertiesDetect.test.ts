// Which .properties files are Kafka configuration, of which surface, role and client.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseProperties } from '../../server/src/engine/parsers/properties.js';
import type { ConfigUnit, Finding } from '../../server/src/engine/model.js';
import { applySuppressions } from '../../server/src/engine/suppressions.js';

const units = (text: string, path: string) => parseProperties(text, path).units;
const one = (text: string, path: string): ConfigUnit => {
  const us = units(text, path);
  assert.equal(us.length, 1, `expected one unit, got ${us.length}`);
  return us[0];
};
const summary = (u: ConfigUnit) => [u.surface, u.role, u.client, u.facts.roleEvidence];
const rows = (u: ConfigUnit) => u.settings.map((s) => [s.key, s.role, s.value, s.precedence]);

describe('quiet: files that are not Kafka configuration', () => {
  const quiet: [string, string][] = [
    ['log4j.properties', 'log4j.rootLogger=INFO, stdout\nlog4j.logger.org.apache.kafka=WARN\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\n'],
    ['log4j2.properties', 'status = warn\nappender.console.type = Console\nlogger.kafka.name = org.apache.kafka\n'],
    ['config/connect-log4j.properties', 'log4j.rootLogger=INFO, stdout, connectAppender\n'],
    ['src/main/resources/messages_zh.properties', 'acks=确认\ngreeting=你好\n'],
    ['messages.properties', 'acks=Acknowledgements\nretries=Retries\n'],
    ['i18n/labels_pt_BR.properties', 'linger.ms=Espera\n'],
    ['src/main/resources/i18n/app.properties', 'acks=Acknowledged\n'],
    ['gradle.properties', 'org.gradle.jvmargs=-Xmx2g\nkafkaVersion=3.7.0\n'],
    ['sonar-project.properties', 'sonar.projectKey=kafka-app\nsonar.sources=src\n'],
    ['application.properties', 'server.port=8080\nbootstrap.servers=localhost:9092\nacks=1\n'],
    ['application-prod.properties', 'spring.datasource.url=jdbc:h2:mem:x\n'],
    ['bootstrap.properties', 'spring.application.name=x\n'],
    ['server.properties', 'server-port=25565\nmax-players=20\nonline-mode=true\n'],
    ['config/zookeeper.properties', 'dataDir=/tmp/zookeeper\nclientPort=2181\nmaxClientCnxns=0\n'],
    ['config/connect-distributed.properties', 'bootstrap.servers=localhost:9092\ngroup.id=connect-cluster\nkey.converter=org.apache.kafka.connect.json.JsonConverter\n'],
    ['sink.properties', 'name=local-file-sink\nconnector.class=FileStreamSink\ntasks.max=1\n'],
    ['db.properties', 'url=jdbc:postgresql://db/x\nretries=3\nbatch.size=100\n'],
    ['producer.properties', 'namesrvAddr=localhost:9876\nproducerGroup=g\n'],
    ['empty.properties', ''],
    ['comments.properties', '# bootstrap.servers=localhost:9092\n! acks=0\n'],
  ];
  for (const [path, text] of quiet) {
    it(path, () => assert.deepEqual(units(text, path), []));
  }
});

describe('plain Kafka files: role from the file name', () => {
  it('consumer.properties (Kafka sample)', () => {
    const u = one('bootstrap.servers=localhost:9092\n\n# consumer group id\ngroup.id=test-consumer-group\n', 'config/consumer.properties');
    assert.deepEqual(summary(u), ['kafka-properties', 'consumer', 'java', 'filename']);
    assert.deepEqual(rows(u), [
      ['bootstrap.servers', 'consumer', 'localhost:9092', 1],
      ['group.id', 'consumer', 'test-consumer-group', 1],
    ]);
    assert.equal(u.id, 'properties');
    assert.equal(u.format, 'properties');
  });

  it('producer-dev.properties', () => {
    const u = one('bootstrap.servers=b:9092\ncompression.type=none\n', 'producer-dev.properties');
    assert.deepEqual(summary(u), ['kafka-properties', 'producer', 'java', 'filename']);
  });

  it('kafka-producer.properties (token after a prefix)', () => {
    assert.deepEqual(summary(one('bootstrap.servers=b:9092\n', 'kafka-producer.properties')), ['kafka-properties', 'producer', 'java', 'filename']);
  });

  for (const path of ['server.properties', 'config/kraft/broker.properties', 'kraft/controller.properties', 'broker-1.properties']) {
    it(`${path} is a broker`, () => {
      const u = one('node.id=1\nlog.dirs=/var/lib/kafka\nnum.partitions=3\n', path);
      assert.deepEqual(summary(u), ['kafka-properties', 'broker', 'broker', 'filename']);
    });
  }

  it('orders-topic.properties is a topic', () => {
    const u = one('cleanup.policy=compact\nmin.insync.replicas=2\n', 'orders-topic.properties');
    assert.deepEqual(summary(u), ['kafka-properties', 'topic', 'broker', 'filename']);
  });

  it('a Kafka-ish name plus a known key is enough', () => {
    assert.deepEqual(summary(one('retries=3\n', 'producer.properties')), ['kafka-properties', 'producer', 'java', 'filename']);
    assert.deepEqual(summary(one('security.protocol=SASL_SSL\n', 'client.properties')), ['kafka-properties', 'client', 'java', 'keys']);
  });

  it('a Kafka-ish name is never taken for a message bundle', () => {
    assert.deepEqual(summary(one('acks=all\n', 'src/main/resources/messages/producer_de.properties')), ['kafka-properties', 'producer', 'java', 'filename']);
  });

  it('keys win when the name says broker but only client keys are present', () => {
    assert.deepEqual(summary(one('bootstrap.servers=x\nacks=all\n', 'server.properties')), ['kafka-properties', 'producer', 'java', 'keys']);
  });
});

describe('plain Kafka files: role from keys', () => {
  const cases: [string, string, string[]][] = [
    ['producer keys', 'bootstrap.servers=x\nacks=1\nlinger.ms=5\n', ['producer', 'java']],
    ['consumer keys', 'bootstrap.servers=x\nenable.auto.commit=false\n', ['consumer', 'java']],
    ['broker keys', 'broker.id=0\nlisteners=PLAINTEXT://:9092\nzookeeper.connect=zk:2181\n', ['broker', 'broker']],
    ['min.insync.replicas alone', 'min.insync.replicas=2\n', ['broker', 'broker']],
    ['topic keys', 'cleanup.policy=compact\nunclean.leader.election.enable=false\n', ['topic', 'broker']],
    ['streams keys', 'application.id=app\nbootstrap.servers=x\nprocessing.guarantee=exactly_once_v2\n', ['streams', 'java']],
    ['serializers and deserializers: ambiguous client', 'bootstrap.servers=x\nkey.serializer=a\nkey.deserializer=b\n', ['client', 'java']],
    ['only bootstrap.servers', 'bootstrap.servers=x\n', ['client', 'java']],
    ['a misplaced broker key in a producer file', 'bootstrap.servers=x\nacks=all\nmin.insync.replicas=2\n', ['producer', 'java']],
    ['librdkafka consumer', 'bootstrap.servers=x\ngroup.id=g\nenable.auto.offset.store=false\n', ['consumer', 'librdkafka']],
    ['librdkafka producer', 'bootstrap.servers=x\nqueue.buffering.max.kbytes=1024\nacks=all\n', ['producer', 'librdkafka']],
    ['librdkafka by socket.keepalive.enable', 'bootstrap.servers=x\nsocket.keepalive.enable=true\n', ['client', 'librdkafka']],
  ];
  for (const [name, text, [role, client]] of cases) {
    it(name, () => {
      const u = one(text, 'app.properties');
      assert.deepEqual(summary(u), ['kafka-properties', role, client, 'keys']);
    });
  }

  it('a strongly Kafka-specific key alone is evidence', () => {
    for (const key of ['acks=all', 'enable.auto.commit=false', 'min.insync.replicas=2', 'log.dirs=/d']) {
      assert.equal(units(key + '\n', 'settings.properties').length, 1, key);
    }
  });

  it('settings: decoded values, raw values, spans, precedence 1, source order', () => {
    const text = '# producer\nbootstrap.servers = a:9092,\\\n    b:9092\nacks : 1\nclient.id=\\u0061pp\n';
    const u = one(text, 'producer.properties');
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.sourceKey, s.value, s.rawValue, text.slice(s.keySpan.start, s.keySpan.end), s.precedence, s.dynamic]),
      [
        ['bootstrap.servers', 'bootstrap.servers', 'a:9092,b:9092', 'a:9092,\\\n    b:9092', 'bootstrap.servers', 1, false],
        ['acks', 'acks', '1', '1', 'acks', 1, false],
        ['client.id', 'client.id', 'app', '\\u0061pp', 'client.id', 1, false],
      ],
    );
    assert.equal(text.slice(u.anchor.start, u.anchor.end), 'bootstrap.servers');
    assert.deepEqual(u.span, { start: 0, end: text.length });
  });

  it('${...}, {{ }} and @x@ values are dynamic', () => {
    const u = one('bootstrap.servers=${BROKERS}\nacks={{ kafka_acks }}\nretries=@retries@\nsasl.jaas.config=${file:/s.properties:jaas}\nlinger.ms=5\n', 'producer.properties');
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.dynamic, s.placeholderDefault ?? false]),
      [
        ['bootstrap.servers', true, false],
        ['acks', true, false],
        ['retries', true, false],
        ['sasl.jaas.config', true, false],
        ['linger.ms', false, false],
      ],
    );
  });

  it('the anchor skips an empty key', () => {
    const text = '=x\nacks=all\n';
    const u = one(text, 'producer.properties');
    assert.equal(text.slice(u.anchor.start, u.anchor.end), 'acks');
  });
});

describe('Spring Boot application.properties', () => {
  const text = [
    'server.port=8080',
    'spring.kafka.bootstrap-servers=${KAFKA:localhost:9092}',
    'spring.kafka.properties[linger.ms]=5',
    'spring.kafka.producer.acks=${ACKS:1}',
    'spring.kafka.producer.properties[acks]=all',
    'spring.kafka.producer.properties.enable.idempotence=true',
    'spring.kafka.producer.batch-size=16KB',
    'spring.kafka.producer.transaction-id-prefix=${TX}',
    'spring.kafka.consumer.enableAutoCommit=true',
    'spring.kafka.consumer.auto-commit-interval=5s',
    'spring.kafka.consumer.auto-offset-reset=LATEST',
    'spring.kafka.consumer.auto-comit=true',
    'spring.kafka.listener.ack-mode=manual',
    'spring.kafka.template.default-topic=t',
    '',
  ].join('\n');

  it('one unit per role, common settings copied into each', () => {
    const us = units(text, 'src/main/resources/application.properties');
    assert.deepEqual(us.map((u) => [u.id, u.surface, u.role, u.client]), [
      ['spring/0/producer', 'spring-properties', 'producer', 'java'],
      ['spring/0/consumer', 'spring-properties', 'consumer', 'java'],
    ]);
    const [p, c] = us;
    assert.deepEqual(rows(p), [
      ['bootstrap.servers', 'client', 'localhost:9092', 0],
      ['linger.ms', 'client', '5', 0],
      ['acks', 'producer', '1', 1],
      ['acks', 'producer', 'all', 2],
      ['enable.idempotence', 'producer', 'true', 2],
      ['batch.size', 'producer', '16384', 1],
      ['transactional.id', 'producer', '${TX}', 1],
    ]);
    assert.deepEqual(rows(c), [
      ['bootstrap.servers', 'client', 'localhost:9092', 0],
      ['linger.ms', 'client', '5', 0],
      ['enable.auto.commit', 'consumer', 'true', 1],
      ['auto.commit.interval.ms', 'consumer', '5000', 1],
      ['auto.offset.reset', 'consumer', 'LATEST', 1], // (a String in Spring Boot, handed over as written)
      ['spring:consumer.auto-comit', 'consumer', 'true', 1],
      ['spring:listener.ack-mode', 'consumer', 'manual', 1],
    ]);
    // The shared setting object is the same in both units.
    assert.equal(p.settings[0], c.settings[0]);
    assert.equal(text.slice(p.anchor.start, p.anchor.end), 'spring.kafka.producer.acks');
    assert.equal(text.slice(c.anchor.start, c.anchor.end), 'spring.kafka.consumer.enableAutoCommit');
  });

  it('placeholders: ${VAR} dynamic, ${VAR:default} judged on the default; raw values kept', () => {
    const [p] = units(text, 'application.properties');
    const byKey = (k: string, prec: number) => p.settings.find((s) => s.key === k && s.precedence === prec)!;
    const acks = byKey('acks', 1);
    assert.deepEqual([acks.value, acks.rawValue, acks.dynamic, acks.placeholderDefault], ['1', '${ACKS:1}', true, true]);
    const tx = byKey('transactional.id', 1);
    assert.deepEqual([tx.dynamic, tx.placeholderDefault], [true, undefined]);
    const batch = byKey('batch.size', 1);
    assert.deepEqual([batch.value, batch.rawValue], ['16384', '16KB']);
    assert.equal(byKey('acks', 2).sourceKey, 'spring.kafka.producer.properties[acks]');
  });

  it('nested placeholder defaults', () => {
    const u = one('spring.kafka.producer.acks=${A:${B:0}}\n', 'application.properties');
    assert.deepEqual([u.settings[0].value, u.settings[0].placeholderDefault], ['0', true]);
  });

  it('only common settings: one client unit', () => {
    const u = one('spring.kafka.bootstrap-servers=k:9092\nspring.kafka.properties[security.protocol]=SSL\n', 'application.properties');
    assert.deepEqual([u.id, u.role, u.surface], ['spring/0/client', 'client', 'spring-properties']);
    assert.deepEqual(rows(u), [
      ['bootstrap.servers', 'client', 'k:9092', 0],
      ['security.protocol', 'client', 'SSL', 0],
    ]);
  });

  it('listener keys alone make a consumer unit', () => {
    const u = one('spring.kafka.listener.ack-mode=RECORD\n', 'application.properties');
    assert.deepEqual([u.role, u.settings[0].key], ['consumer', 'spring:listener.ack-mode']);
  });

  it('admin and streams sections', () => {
    const us = units('spring.kafka.admin.properties[retries]=1\nspring.kafka.streams.application-id=app\n', 'application.properties');
    assert.deepEqual(us.map((u) => [u.role, u.settings.map((s) => s.key)]), [
      ['admin', ['retries']],
      ['streams', ['application.id']],
    ]);
  });

  it('unknown sections (template) are not settings; a file with only those has no units', () => {
    assert.deepEqual(units('spring.kafka.template.default-topic=t\n', 'application.properties'), []);
  });

  it('any file name with spring.kafka.* keys is Spring', () => {
    const u = one('spring.kafka.producer.acks=all\n', 'config/kafka.properties');
    assert.equal(u.surface, 'spring-properties');
  });

  it('bootstrap*.properties and profiles from the file name', () => {
    const u = one('spring.kafka.consumer.group-id=g\n', 'bootstrap-dev.properties');
    assert.deepEqual([u.surface, u.facts.profile], ['spring-properties', 'dev']);
  });

  it('#--- documents are separate units with their own profile', () => {
    const t = 'spring.kafka.producer.acks=1\n#---\nspring.config.activate.on-profile=prod\nspring.kafka.producer.acks=all\n!---\nspring.kafka.consumer.group-id=g\n';
    const us = units(t, 'application.properties');
    assert.deepEqual(us.map((u) => [u.id, u.role, u.facts.profile, u.settings.map((s) => s.value)]), [
      ['spring/0/producer', 'producer', undefined, ['1']],
      ['spring/1/producer', 'producer', 'prod', ['all']],
      ['spring/2/consumer', 'consumer', undefined, ['g']],
    ]);
    assert.deepEqual(us[1].span, { start: t.indexOf('#---') + 4, end: t.indexOf('!---') });
  });

  it('an indented #--- does not split documents', () => {
    const us = units('spring.kafka.producer.acks=1\n  #---\nspring.kafka.producer.retries=0\n', 'application.properties');
    assert.equal(us.length, 1);
    assert.equal(us[0].settings.length, 2);
  });
});

describe('parse errors and suppression comments', () => {
  it('a malformed escape is reported in a Kafka file', () => {
    const text = 'bootstrap.servers=x\nclient.id=\\uXYZ1\n';
    const f = parseProperties(text, 'producer.properties');
    assert.deepEqual(f.errors.map((e) => text.slice(e.span.start, e.span.end)), ['\\uXYZ1']);
    assert.equal(f.units[0].settings.length, 2);
  });

  it('a file that is not Kafka configuration reports nothing, not even broken escapes', () => {
    const f = parseProperties('title=\\uZZZZ\n', 'messages_de.properties');
    assert.deepEqual([f.units, f.errors], [[], []]);
  });

  it('comments line up with suppression directives', () => {
    const text = 'bootstrap.servers=x\r\n  # kafka-lint-disable-next-line acks -- tested\r\nacks=1\r\n! kafka-lint-disable retries\r\nretries=0\r\n';
    const f = parseProperties(text, 'producer.properties');
    const [u] = f.units;
    const at = (key: string): Finding => {
      const s = u.settings.find((x) => x.key === key)!;
      return { ruleId: key, severity: 'warning', message: key, span: s.valueSpan, fixes: [] };
    };
    const kept = applySuppressions(f, [at('acks'), at('retries'), at('bootstrap.servers')], 'en', () => true);
    assert.deepEqual(kept.map((k) => k.ruleId), ['bootstrap.servers']);
  });
});
