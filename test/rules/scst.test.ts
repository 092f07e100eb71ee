// Spring Cloud Stream's Kafka binder (knowledge/scst.ts): the rules that judge its bindings.
import { ruleTester } from '../helpers/ruleTester.js';

const P = 'application.yml';

/** A document with one functional producer binding and what else `kafka` holds below `spring.cloud.stream`. */
const producer = (kafka = '') =>
  'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          destination: orders\n' + (kafka ? '      kafka:\n' + kafka : '');

const consumer = (binding: string, kafka = '') =>
  'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-in-0:\n          destination: orders\n' + binding + (kafka ? '      kafka:\n' + kafka : '');

ruleTester('acks', {
  valid: [
    { name: 'binder required-acks: all', path: P, code: producer('        binder:\n          required-acks: all\n') },
    { name: 'camelCase requiredAcks: -1', path: P, code: producer('        binder:\n          requiredAcks: -1\n') },
    {
      name: "Spring Boot's producer acks: all wins over required-acks: 1",
      path: P,
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n' + producer('        binder:\n          required-acks: 1\n').slice('spring:\n'.length),
    },
    {
      name: "Spring Boot's acks in a document without a profile holds in a profile's document",
      path: P,
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n' + producer('        binder:\n          brokers: localhost\n').slice('spring:\n'.length),
    },
    {
      name: "the binding's own configuration acks",
      path: P,
      code: producer('        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                acks: all\n'),
    },
    {
      name: "a transactional binder with acks in its transaction producer's configuration",
      path: P,
      code: producer('        binder:\n          transaction:\n            transaction-id-prefix: tx-\n            producer:\n              configuration:\n                acks: all\n'),
    },
    { name: 'a consumer binding only', path: P, code: consumer('          group: billing\n', '        binder:\n          brokers: localhost\n') },
    {
      name: 'a binding of a Rabbit binder in a multi-binder setup',
      path: P,
      code:
        'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          binder: rabbit1\n      binders:\n        rabbit1:\n          type: rabbit\n' +
        '      kafka:\n        binder:\n          brokers: localhost\n',
    },
    {
      name: 'a binder environment sets required-acks',
      path: P,
      code:
        'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          binder: k1\n      binders:\n        k1:\n          type: kafka\n' +
        '          environment:\n            spring.cloud.stream.kafka.binder.required-acks: all\n',
    },
    { name: 'no Kafka binder in sight (bindings alone)', path: P, code: producer() },
    {
      name: 'a binding with no Kafka binder settings, in a document that uses the Kafka Streams binder too, may be a KStream',
      path: P,
      code:
        'spring:\n  cloud:\n    stream:\n      bindings:\n        process-out-0:\n          destination: out\n      kafka:\n        binder:\n          brokers: localhost\n        streams:\n          binder:\n            brokers: localhost\n',
    },
  ],
  invalid: [
    {
      name: "a transactional binder: the binding's own acks is ignored, and required-acks 1 would fail the start",
      path: P,
      code: producer(
        '        binder:\n          transaction:\n            transaction-id-prefix: tx-\n        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                acks: all\n',
      ),
      errors: [
        {
          text: 'orders-out-0',
          severity: 'warning',
          message:
            '`spring.cloud.stream.kafka.binder.required-acks` is unset while the binder runs transactions (`spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix: tx-`): up to Spring Cloud Stream 5.0.1',
          fixes: ['Set `spring.cloud.stream.kafka.binder.required-acks: all`'],
        },
      ],
      output: producer(
        '        binder:\n          transaction:\n            transaction-id-prefix: tx-\n          required-acks: all\n        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                acks: all\n',
      ),
    },
    {
      name: 'required-acks unset: one finding for every producer binding of the document, at the first',
      path: P,
      code: producer('        binder:\n          brokers: localhost\n').replace('          destination: orders\n', '          destination: orders\n        audit-out-0:\n          destination: audit\n'),
      errors: [
        {
          line: 5,
          text: 'orders-out-0',
          severity: 'warning',
          message: '`spring.cloud.stream.kafka.binder.required-acks` is unset: the Kafka binder sets `acks` from it for every binding, and up to Spring Cloud Stream 5.0.1 its default is `1`',
          fixes: ['Set `spring.cloud.stream.kafka.binder.required-acks: all`'],
        },
      ],
      output: producer('        binder:\n          brokers: localhost\n          required-acks: all\n').replace(
        '          destination: orders\n',
        '          destination: orders\n        audit-out-0:\n          destination: audit\n',
      ),
    },
    {
      name: 'explicit required-acks: 1',
      path: P,
      code: producer('        binder:\n          required-acks: 1\n'),
      errors: [{ text: '1', severity: 'warning', message: '`spring.cloud.stream.kafka.binder.required-acks: 1`: the leader acknowledges', fixes: ['Set `spring.cloud.stream.kafka.binder.required-acks: all`'] }],
      output: producer('        binder:\n          required-acks: all\n'),
    },
    {
      name: "the binding's acks: 0 beats required-acks: all",
      path: P,
      code: producer('        binder:\n          required-acks: all\n        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                acks: 0\n'),
      errors: [{ text: '0', severity: 'error', message: '`spring.cloud.stream.kafka.bindings.orders-out-0.producer.configuration.acks: 0`' }],
      output: producer('        binder:\n          required-acks: all\n        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                acks: all\n'),
    },
  ],
});

ruleTester('auto-offset-reset', {
  valid: [
    { name: 'a named group starts at earliest (the binder default)', path: P, code: consumer('          group: billing\n', '        binder:\n          brokers: localhost\n') },
    { name: 'a default group for every binding', path: P, code: consumer('', '        binder:\n          brokers: localhost\n').replace('      bindings:\n', '      default:\n        group: billing\n      bindings:\n') },
    { name: 'a group from a placeholder', path: P, code: consumer('          group: ${GROUP}\n', '        binder:\n          brokers: localhost\n') },
    {
      name: 'an anonymous binding told to start at earliest rereads everything but loses nothing',
      path: P,
      code: consumer('', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: earliest\n'),
    },
    {
      name: 'start-offset: earliest',
      path: P,
      code: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: earliest\n'),
    },
  ],
  invalid: [
    {
      name: 'an anonymous consumer binding',
      path: P,
      code: consumer('', '        binder:\n          brokers: localhost\n'),
      errors: [
        {
          line: 5,
          text: 'orders-in-0',
          severity: 'information',
          message: 'The binding `orders-in-0` has no `group`: at every start the Kafka binder gives it a new random group',
          fixes: ['Set `spring.cloud.stream.bindings.orders-in-0.group: orders`'],
        },
      ],
      output: consumer('          group: orders\n', '        binder:\n          brokers: localhost\n'),
    },
    {
      name: 'an anonymous binding with start-offset: latest: the missing group is the finding',
      path: P,
      code: consumer('', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: latest\n'),
      errors: [{ line: 5, text: 'orders-in-0', message: 'The binding `orders-in-0` has no `group`', fixes: ['Set `spring.cloud.stream.bindings.orders-in-0.group: orders`'] }],
      // (then, a named group told to start at latest, it is moved to earliest: fixes run until none is left)
      output: consumer('          group: orders\n', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: earliest\n'),
    },
    {
      name: 'start-offset: latest (no `none` offered: the binder takes earliest or latest only)',
      path: P,
      code: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              startOffset: latest\n'),
      errors: [{ text: 'latest', message: 'startOffset: latest`: a consumer group without a committed offset', fixes: ['Set `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.startOffset: earliest`'] }],
      output: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              startOffset: earliest\n'),
    },
  ],
});

ruleTester('auto-commit', {
  valid: [
    {
      name: 'binder-wide enable.auto.commit=true: the binder drops it',
      path: P,
      code: consumer('          group: billing\n', '        binder:\n          consumer-properties:\n            enable.auto.commit: true\n'),
    },
  ],
  invalid: [
    {
      name: "a binding's configuration gets it through",
      path: P,
      code: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              configuration:\n                enable.auto.commit: true\n'),
      errors: [{ text: 'true', severity: 'warning', message: 'configuration.enable.auto.commit: true`: the Kafka client commits offsets on a timer' }],
      output: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              configuration:\n                enable.auto.commit: false\n'),
    },
  ],
});

ruleTester('unknown-key', {
  valid: [
    {
      name: "the binder's and a binding's known properties, and removed ones older binders still bind",
      path: P,
      code: consumer(
        '          group: billing\n',
        '        binder:\n          auto-create-topics: false\n        bindings:\n          orders-in-0:\n            consumer:\n              enableDlq: true\n              auto-commit-offset: false\n              configuration:\n                max.poll.records: 50\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelled binding property',
      path: P,
      code: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              enable-dql: true\n'),
      errors: [{ text: 'enable-dql', message: "is not a property of Spring Cloud Stream's Kafka binder", fixes: ['Rename to `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.enable-dlq`'] }],
      output: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              enable-dlq: true\n'),
    },
    {
      name: 'a binding property of every binder written below the Kafka binder',
      path: P,
      code: consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              maxAttempts: 5\n'),
      errors: [{ text: 'maxAttempts', message: 'read at `spring.cloud.stream.bindings.orders-in-0.consumer.max-attempts`', fixes: [] }],
    },
    {
      name: 'a misspelled Kafka key in the binder configuration stays in that map',
      path: P,
      code: producer('        binder:\n          required-acks: all\n          configuration:\n            enable.idempotance: true\n'),
      errors: [{ text: 'enable.idempotance', fixes: ['Rename to `spring.cloud.stream.kafka.binder.configuration.enable.idempotence`'] }],
      output: producer('        binder:\n          required-acks: all\n          configuration:\n            enable.idempotence: true\n'),
    },
  ],
});

// The same binder in application.properties.
const PP = 'application.properties';
const out0 = 'spring.cloud.stream.bindings.orders-out-0.destination=orders\n';
const in0 = 'spring.cloud.stream.bindings.orders-in-0.destination=orders\n';
const brokers = 'spring.cloud.stream.kafka.binder.brokers=localhost\n';

ruleTester('acks', {
  valid: [
    { name: 'properties: required-acks=all', path: PP, code: out0 + 'spring.cloud.stream.kafka.binder.requiredAcks=all\n' },
    { name: "properties: Spring Boot's acks=all", path: PP, code: 'spring.kafka.producer.acks=all\n' + out0 + brokers },
    { name: 'properties: only bindings, no Kafka binder named', path: PP, code: out0 },
  ],
  invalid: [
    {
      name: 'properties: required-acks unset, the line goes after the unit',
      path: PP,
      code: out0 + brokers,
      errors: [{ line: 1, text: 'spring.cloud.stream.bindings.orders-out-0.destination', severity: 'warning', message: '`spring.cloud.stream.kafka.binder.required-acks` is unset' }],
      output: out0 + 'spring.cloud.stream.kafka.binder.required-acks=all\n' + brokers,
    },
    {
      name: 'properties: a profile document with required-acks=1',
      path: PP,
      code: out0 + brokers + '#---\nspring.config.activate.on-profile=prod\nspring.cloud.stream.kafka.binder.required-acks=1\n',
      errors: [
        { line: 1, text: 'spring.cloud.stream.bindings.orders-out-0.destination', message: '`spring.cloud.stream.kafka.binder.required-acks` is unset' },
        { line: 5, text: '1', message: '`spring.cloud.stream.kafka.binder.required-acks=1`: the leader acknowledges' },
      ],
      output: out0 + 'spring.cloud.stream.kafka.binder.required-acks=all\n' + brokers + '#---\nspring.config.activate.on-profile=prod\nspring.cloud.stream.kafka.binder.required-acks=all\n',
    },
  ],
});

ruleTester('auto-offset-reset', {
  valid: [{ name: 'properties: a group', path: PP, code: in0 + 'spring.cloud.stream.bindings.orders-in-0.group=billing\n' + brokers }],
  invalid: [
    {
      name: 'properties: an anonymous consumer binding',
      path: PP,
      code: in0 + brokers,
      errors: [
        {
          line: 1,
          text: 'spring.cloud.stream.bindings.orders-in-0.destination',
          message: 'The binding `orders-in-0` has no `group`',
          fixes: ['Set `spring.cloud.stream.bindings.orders-in-0.group=orders`'],
        },
      ],
      output: in0 + 'spring.cloud.stream.bindings.orders-in-0.group=orders\n' + brokers,
    },
  ],
});

ruleTester('unknown-key', {
  valid: [],
  invalid: [
    {
      name: 'properties: a misspelled Kafka key in a binding configuration, bracket form, stays in its map',
      path: PP,
      code: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration[max.pol.records]=10\n',
      errors: [
        {
          line: 2,
          text: 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration[max.pol.records]',
          fixes: ['Rename to `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration.max.poll.records`'],
        },
      ],
      output: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration[max.poll.records]=10\n',
    },
    {
      name: 'properties: a misspelled binding property',
      path: PP,
      code: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.startOfset=earliest\n',
      errors: [
        {
          line: 2,
          text: 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.startOfset',
          fixes: ['Rename to `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset`'],
        },
      ],
      output: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset=earliest\n',
    },
  ],
});

ruleTester('idempotence', {
  valid: [],
  invalid: [
    {
      name: "Spring Boot's acks: 1 under a binding's enable.idempotence: true; the fix names the place it writes",
      path: P,
      code: 'spring:\n  kafka:\n    producer:\n      acks: 1\n' + producer('        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                enable.idempotence: true\n').slice('spring:\n'.length),
      errors: [
        // Spring Boot's own producer reports its acks where it is written.
        { text: '1', severity: 'information', message: 'silently turns off idempotence' },
        {
          text: 'true',
          severity: 'error',
          message:
            '`spring.kafka.producer.acks: 1` with `spring.cloud.stream.kafka.bindings.orders-out-0.producer.configuration.enable.idempotence: true`: the producer fails at startup with a ConfigException, because idempotence needs `acks=all`. Set `spring.cloud.stream.kafka.bindings.orders-out-0.producer.configuration.acks: all`.',
          fixes: ['Set `spring.cloud.stream.kafka.bindings.orders-out-0.producer.configuration.acks: all`'],
        },
      ],
      safeOnly: true,
      remainingAfterFix: 1, // Spring Boot's acks: 1 in its own producer
      output:
        'spring:\n  kafka:\n    producer:\n      acks: 1\n' +
        producer('        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                enable.idempotence: true\n                acks: all\n').slice('spring:\n'.length),
    },
  ],
});

ruleTester('replication-factor', {
  valid: [
    { name: 'the broker default (-1)', path: PP, code: brokers + 'spring.cloud.stream.kafka.binder.replication-factor=-1\n' },
    { name: 'the binder creates no topics', path: PP, code: 'spring.cloud.stream.kafka.binder.auto-create-topics=false\nspring.cloud.stream.kafka.binder.replication-factor=1\n' },
    {
      name: 'a Rabbit binding of a multi-binder setup',
      path: PP,
      code: brokers + 'spring.cloud.stream.binders.r.type=rabbit\nspring.cloud.stream.bindings.o-out-0.binder=r\nspring.cloud.stream.kafka.bindings.o-out-0.producer.topic.replication-factor=1\n',
    },
  ],
  invalid: [
    {
      name: "the binder's replication factor",
      path: P,
      code: producer('        binder:\n          replication-factor: 1\n'),
      errors: [{ text: '1', severity: 'warning', message: '`spring.cloud.stream.kafka.binder.replication-factor: 1`: the topics the Kafka binder creates get a single replica; their records are lost' }],
      output: producer('        binder:\n          replication-factor: 3\n'),
    },
    {
      name: "a binding's own topic",
      path: PP,
      code: brokers + 'spring.cloud.stream.kafka.bindings.audit-out-0.producer.topic.replicationFactor=2\n',
      errors: [{ text: '2', severity: 'information', message: 'the topic the Kafka binder creates for binding `audit-out-0` gets two replicas' }],
      output: brokers + 'spring.cloud.stream.kafka.bindings.audit-out-0.producer.topic.replicationFactor=3\n',
    },
  ],
});

ruleTester('acks', {
  valid: [],
  invalid: [
    {
      name: "Spring Boot's shared spring.kafka.properties stay a producer's next to the binder's producer bindings",
      path: P,
      code: 'spring:\n  kafka:\n    properties:\n      acks: 1\n' + producer('        binder:\n          brokers: localhost\n').slice('spring:\n'.length),
      errors: [{ line: 4, text: '1', severity: 'warning', message: '`spring.kafka.properties.acks: 1`: the leader acknowledges' }],
      output: 'spring:\n  kafka:\n    properties:\n      acks: all\n' + producer('        binder:\n          brokers: localhost\n').slice('spring:\n'.length),
    },
  ],
});

ruleTester('auto-commit', {
  valid: [],
  invalid: [
    {
      name: "a binding's manual ack mode is its own container's, not Spring Boot's",
      path: P,
      code:
        'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n' +
        consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              ack-mode: manual\n').slice('spring:\n'.length),
      errors: [{ line: 4, text: 'true', severity: 'warning', message: '`spring.kafka.consumer.enable-auto-commit: true`: the Kafka client commits offsets on a timer' }],
      output:
        'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n' +
        consumer('          group: billing\n', '        bindings:\n          orders-in-0:\n            consumer:\n              ack-mode: manual\n').slice('spring:\n'.length),
    },
  ],
});

ruleTester('duplicate-key', {
  valid: [
    {
      name: "the binder's layers: a binding overrides the binder-wide and default values by design",
      path: P,
      code: consumer(
        '          group: billing\n',
        '        binder:\n          configuration:\n            max.poll.records: 50\n          consumer-properties:\n            max.poll.records: 60\n' +
          '        default:\n          consumer:\n            configuration:\n              max.poll.records: 70\n' +
          '        bindings:\n          orders-in-0:\n            consumer:\n              configuration:\n                max.poll.records: 100\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a key repeated within one layer',
      path: PP,
      code: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration.max.poll.records=10\nspring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration.max.poll.records=20\n',
      errors: [{ line: 2, text: 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration.max.poll.records', message: 'has no effect' }],
      output: in0 + 'spring.cloud.stream.kafka.bindings.orders-in-0.consumer.configuration.max.poll.records=20\n',
    },
  ],
});

ruleTester('invalid-value', {
  valid: [{ name: 'start-offset in any case Spring Boot binds', path: P, code: consumer('          group: g\n', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: Earliest\n') }],
  invalid: [
    {
      name: "start-offset: none is Kafka's but not the binder's",
      path: P,
      code: consumer('          group: g\n', '        bindings:\n          orders-in-0:\n            consumer:\n              start-offset: none\n'),
      errors: [
        {
          text: 'none',
          severity: 'error',
          message: "Spring Cloud Stream's Kafka binder knows only the start offsets earliest and latest, so the application fails to start",
          fixes: ['Set `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset: earliest`', 'Set `spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset: latest`'],
        },
      ],
    },
    {
      name: "the binder's required-acks counts in a document with consumer bindings only (StreamBridge makes producers too)",
      path: PP,
      code: in0 + 'spring.cloud.stream.kafka.binder.required-acks=2\n',
      errors: [{ line: 2, text: '2', severity: 'error', message: '`acks` accepts all, -1, 0, 1' }],
    },
  ],
});

ruleTester('unknown-key', {
  valid: [
    { name: "binder 1.x's zk-nodes resembles no property of today's binder: left alone", path: PP, code: brokers + 'spring.cloud.stream.kafka.binder.zk-nodes=zk:2181\n' },
    { name: 'indexed and nested binder properties', path: PP, code: 'spring.cloud.stream.kafka.binder.brokers[0]=a\nspring.cloud.stream.kafka.binder.jaas.options.username=u\n' },
  ],
  invalid: [
    {
      name: 'a misspelled binder property, renamed in its place',
      path: P,
      code: producer('        binder:\n          requiredAck: all\n'),
      errors: [
        { text: 'requiredAck', message: "`spring.cloud.stream.kafka.binder.requiredAck` is not a property of Spring Cloud Stream's Kafka binder", fixes: ['Rename to `spring.cloud.stream.kafka.binder.required-acks`'] },
      ],
      output: producer('        binder:\n          required-acks: all\n'),
    },
    {
      name: 'a binder property one level too high',
      path: PP,
      code: 'spring.cloud.stream.kafka.brokers=localhost:9092\n',
      errors: [{ line: 1, text: 'spring.cloud.stream.kafka.brokers', message: 'Did you mean `spring.cloud.stream.kafka.binder.brokers`?', fixes: [] }],
    },
  ],
});
