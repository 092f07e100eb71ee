import { ruleTester } from '../helpers/ruleTester.js';

ruleTester('isolation-level', {
  valid: [
    {
      name: "Spring YAML: a profile's transactional producer, and read_committed for that profile's consumer",
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n---\nspring:\n  config:\n    activate:\n      on-profile: tx\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      isolation-level: read_committed\n',
    },
    {
      name: 'no transactional producer in the file',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.consumer.group-id=orders\n',
    },
    {
      name: 'read_committed consumer',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
    {
      name: 'Spring enum spelling READ_COMMITTED',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      isolation-level: READ_COMMITTED\n',
    },
    {
      // Plain Kafka takes the value as written: `read-uncommitted` is no isolation level there
      // (invalid-value says so), and nothing is read uncommitted.
      name: 'plain Kafka properties: read-uncommitted is not read_uncommitted',
      path: 'consumer.properties',
      code: 'group.id=orders\ntransactional.id=tx-1\nisolation.level=read-uncommitted\n',
    },
    {
      // A map entry reaches Kafka as written, too.
      name: 'Spring map entry: read-uncommitted is not read_uncommitted',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\nspring.kafka.consumer.properties[isolation.level]=read-uncommitted\n',
    },
    {
      name: 'dynamic isolation level',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=${ISOLATION}\n',
    },
    {
      name: 'transactional producer, no consumer',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=all\n',
    },
    {
      name: 'plain consumer file: no producer in the same file (cross-file is a later issue)',
      path: 'consumer.properties',
      code: 'group.id=orders\nisolation.level=read_uncommitted\n',
    },
    {
      name: 'an empty prefix means no transactions',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=\nspring.kafka.consumer.group-id=orders\n',
    },
  ],
  invalid: [
    {
      name: "Spring YAML: a profile's transactional producer next to the consumer of the document without a profile",
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n---\nspring:\n  config:\n    activate:\n      on-profile: tx\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n',
      errors: [{ text: 'consumer', line: 3, severity: 'warning', message: 'is unset; the Spring Boot default is `read_uncommitted`' }],
      output: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      isolation-level: read_committed\n---\nspring:\n  config:\n    activate:\n      on-profile: tx\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n',
    },
    {
      name: 'Spring: unset isolation level, Spring Boot writes read_uncommitted',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\n',
      errors: [
        {
          text: 'spring.kafka.consumer.group-id',
          line: 2,
          severity: 'warning',
          message:
            '`spring.kafka.consumer.isolation-level` is unset; the Spring Boot default is `read_uncommitted`: this consumer also returns records of aborted and still-open transactions, and a producer in this file is transactional (`spring.kafka.producer.transaction-id-prefix=tx-`)',
          fixes: ['Set `spring.kafka.consumer.isolation-level=read_committed`'],
        },
      ],
      output: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
    {
      name: 'Spring: explicit read_uncommitted',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_uncommitted\n',
      errors: [
        {
          text: 'read_uncommitted',
          line: 2,
          severity: 'warning',
          message: '`spring.kafka.consumer.isolation-level=read_uncommitted`: this consumer also returns records of aborted',
          fixes: ['Set `spring.kafka.consumer.isolation-level=read_committed`'],
        },
      ],
      output: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
    {
      // Spring Boot binds its enum leniently: `read-uncommitted` is READ_UNCOMMITTED.
      name: 'Spring: read-uncommitted, bound leniently',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read-uncommitted\n',
      errors: [{ text: 'read-uncommitted', severity: 'warning', fixes: ['Set `spring.kafka.consumer.isolation-level=read_committed`'] }],
      output: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
    {
      name: 'Spring YAML: Read-Uncommitted, bound leniently',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: g\n      isolation-level: Read-Uncommitted\n',
      errors: [{ text: 'Read-Uncommitted', severity: 'warning' }],
      output: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: g\n      isolation-level: read_committed\n',
    },
    {
      name: 'unsafe fix is not applied in safe mode',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_uncommitted\n',
      errors: [{ text: 'read_uncommitted' }],
      safeOnly: true,
    },
    {
      name: 'Spring: map entries on both sides',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties[transactional.id]=orders-tx\nspring.kafka.consumer.properties[isolation.level]=read_uncommitted\n',
      errors: [
        {
          text: 'read_uncommitted',
          severity: 'warning',
          message: '(`spring.kafka.producer.properties[transactional.id]=orders-tx`)',
          fixes: ['Set `spring.kafka.consumer.properties[isolation.level]=read_committed`'],
        },
      ],
      output: 'spring.kafka.producer.properties[transactional.id]=orders-tx\nspring.kafka.consumer.properties[isolation.level]=read_committed\n',
    },
    {
      name: 'Spring: a dynamic prefix still means transactions',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=${TX_PREFIX}\nspring.kafka.consumer.isolation-level=read_uncommitted\n',
      errors: [{ text: 'read_uncommitted', severity: 'warning' }],
      output: 'spring.kafka.producer.transaction-id-prefix=${TX_PREFIX}\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
    {
      name: 'Spring YAML',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: orders\n      isolation-level: read_uncommitted\n',
      errors: [{ text: 'read_uncommitted', line: 7, severity: 'warning' }],
      output: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: orders\n      isolation-level: read_committed\n',
    },
    {
      name: 'Chinese message',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_uncommitted\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'read_uncommitted', message: '该消费者也会读到已中止和尚未完成的事务中的消息', fixes: ['设置 `spring.kafka.consumer.isolation-level=read_committed`'] }],
      output: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.isolation-level=read_committed\n',
    },
  ],
});
