// Hover content decided by the engine (the LSP tests cover the transport).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/engine/index.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { resolveOptions } from '../../server/src/engine/options.js';

function hoverAt(text: string, path: string, needle: string, locale = 'en'): string {
  const file = parseFile({ text, path });
  assert.ok(file);
  const h = describeAt(file, text.indexOf(needle) + 1, resolveOptions([{ source: 'test', options: { locale } }]));
  return h?.markdown ?? '';
}

describe('hover: the default that applies', () => {
  it('Spring: enable-auto-commit unset means spring-kafka false, not Kafka true', () => {
    const md = hoverAt('spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n', 'application.yml', 'enable-auto-commit');
    assert.match(md, /Default when unset: `false` \(spring-kafka default; Spring sets it when the application does not\)/);
  });
  it('plain consumer: the Kafka default for the target version', () => {
    const md = hoverAt('group.id=g\nbootstrap.servers=k:9092\nenable.auto.commit=true\n', 'consumer.properties', 'enable.auto.commit');
    assert.match(md, /Default when unset: `true` \(Kafka 4\.0 default;/);
  });
  it("Strimzi: the default for the cluster's spec.kafka.version, for the Kafka resource and its topics", () => {
    const text =
      'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: events\nspec:\n  kafka:\n    version: 3.9.0\n    config:\n      min.insync.replicas: 1\n' +
      '---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: events\nspec:\n  config:\n    unclean.leader.election.enable: true\n';
    assert.match(hoverAt(text, 'kafka.yaml', 'min.insync'), /Default when unset: `1` \(Kafka 3\.9\.0 default; Kafka 3\.9\.0 from `spec\.kafka\.version`\)/);
    assert.match(hoverAt(text, 'kafka.yaml', 'unclean.leader'), /Default when unset: `false` \(Kafka 3\.9\.0 default; Kafka 3\.9\.0 from `kafka\/events spec\.kafka\.version`\)/);
    assert.match(hoverAt(text, 'kafka.yaml', 'min.insync', 'zh-cn'), /Kafka 3\.9\.0，来自 `spec\.kafka\.version`/);
  });
  it('compose: the default for the Kafka release in the image tag', () => {
    const text = 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.4.1\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 1\n';
    assert.match(hoverAt(text, 'docker-compose.yml', 'KAFKA_MIN'), /\(Kafka 3\.4 default; Kafka 3\.4 from `confluentinc\/cp-kafka:7\.4\.1`\)/);
  });
  it('Chinese', () => {
    const md = hoverAt('spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n', 'application.yml', 'enable-auto-commit', 'zh-cn');
    assert.match(md, /未设置时的默认值：`false`（spring-kafka；应用未设置时由 Spring 设置）/);
  });
});

describe("hover: Spring Cloud Stream's Kafka binder", () => {
  const text =
    'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-in-0:\n          group: billing\n        orders-out-0:\n          destination: o\n' +
    '      kafka:\n        binder:\n          required-acks: 1\n        bindings:\n          orders-in-0:\n            consumer:\n              enable-dlq: false\n              start-offset: latest\n';
  it("required-acks is Kafka's acks, with the binder's default instead of the client's", () => {
    const md = hoverAt(text, 'application.yml', 'required-acks');
    assert.match(md, /^\*\*acks\*\*/);
    assert.match(md, /Kafka setting `acks`/);
    assert.match(md, /`1` up to Spring Cloud Stream 5\.0\.1, `all` from 5\.0\.2/);
    assert.doesNotMatch(md, /Kafka 4\.0 default/);
  });
  it("start-offset is auto.offset.reset, started by the binder at earliest with a group and latest without", () => {
    const md = hoverAt(text, 'application.yml', 'start-offset');
    assert.match(md, /Kafka setting `auto\.offset\.reset`/);
    assert.match(md, /a binding with a `group` at `earliest`, and one without at `latest`/);
  });
  it('the binding group and the dead-letter switch have their own documentation, in English and Chinese', () => {
    assert.match(hoverAt(text, 'application.yml', 'group'), /anonymous\.<random UUID>/);
    assert.match(hoverAt(text, 'application.yml', 'enable-dlq'), /its offset is committed and only a log line remains/);
    assert.match(hoverAt(text, 'application.yml', 'enable-dlq', 'zh-cn'), /死信 topic/);
  });
});

describe('hover: concepts named in comments', () => {
  // The Chinese words are matched by patterns built from strings (l10n.ts withZh), English by literals.
  const text = '# 生产者开启幂等；broker 刷盘由副本保证；位移提交在处理之后；fsync is not needed\nacks=all\nbootstrap.servers=k:9092\n';
  const cases: Array<[string, RegExp]> = [
    ['幂等', /idempoten/i],
    ['刷盘', /flush/i],
    ['位移提交', /committing consumer offsets/i],
    ['fsync', /flush/i],
  ];
  for (const [word, expected] of cases) {
    it(`${word} explains its concept`, () => {
      assert.match(hoverAt(text, 'producer.properties', word), expected);
    });
  }
  it('other words in the comment explain nothing', () => {
    assert.equal(hoverAt(text, 'producer.properties', '生产者'), '');
  });
});

describe('hover: Go values written in branches', () => {
  const go = (body: string) =>
    'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string, async bool) (sarama.SyncProducer, error) {\n' +
    '\tcfg := sarama.NewConfig()\n' +
    body +
    '\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n';
  const branches = go('\tif async {\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t} else {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n');
  it('a value a run can leave in effect is not called overridden', () => {
    const md = hoverAt(branches, 'producer.go', 'RequiredAcks = sarama.NoResponse');
    assert.match(md, /- `cfg\.Producer\.RequiredAcks = sarama\.NoResponse` is in effect on a run that takes this branch and skips the later `cfg\.Producer\.RequiredAcks` \(line 10\); it is checked as such/);
    assert.doesNotMatch(md, /overridden/);
  });
  it('the last assignment names the others a run can leave in effect', () => {
    const md = hoverAt(branches, 'producer.go', 'RequiredAcks = sarama.WaitForAll');
    assert.match(md, /- `cfg\.Producer\.RequiredAcks = sarama\.WaitForAll` is in effect, except on a run that skips it and leaves `cfg\.Producer\.RequiredAcks = sarama\.NoResponse` \(line 8\) in effect/);
    const zh = hoverAt(branches, 'producer.go', 'RequiredAcks = sarama.WaitForAll', 'zh-cn');
    assert.match(zh, /`cfg\.Producer\.RequiredAcks = sarama\.WaitForAll` 生效；但若某次运行跳过它，则 `cfg\.Producer\.RequiredAcks = sarama\.NoResponse`（第 8 行） 生效/);
  });
  it('a value every run overrides is still overridden', () => {
    const text = go('\tif async {\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t}\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n');
    assert.match(hoverAt(text, 'producer.go', 'RequiredAcks = sarama.NoResponse'), /— overridden by `cfg\.Producer\.RequiredAcks` \(line 10\)/);
    assert.match(hoverAt(text, 'producer.go', 'RequiredAcks = sarama.WaitForAll'), /- `cfg\.Producer\.RequiredAcks = sarama\.WaitForAll` is in effect\n/);
  });
});
