import { ruleTester } from '../helpers/ruleTester.js';

const svc = (image: string, env: string) => `services:\n  kafka:\n    image: ${image}\n    environment:\n${env}`;

ruleTester('env-var-image', {
  valid: [
    { name: 'Bitnami with KAFKA_CFG_', path: 'docker-compose.yml', code: svc('bitnami/kafka:3.9', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n') },
    { name: 'Bitnami alias that the image copies', path: 'docker-compose.yml', code: svc('bitnami/kafka:3.9', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') },
    { name: 'Confluent with KAFKA_', path: 'docker-compose.yml', code: svc('confluentinc/cp-kafka:7.6.0', '      KAFKA_MIN_INSYNC_REPLICAS: 2\n') },
    { name: 'Apache with KAFKA_', path: 'docker-compose.yml', code: svc('apache/kafka:4.0.0', '      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=false\n') },
    { name: 'not a Kafka service', path: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n' },
  ],
  invalid: [
    {
      name: 'Debezium reads KAFKA_<KEY> with every _ turned into .: KAFKA_CFG_ is ignored',
      path: 'docker-compose.yml',
      code: svc('quay.io/debezium/kafka:2.7', '      KAFKA_NODE_ID: 1\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n'),
      errors: [
        {
          text: 'KAFKA_CFG_MIN_INSYNC_REPLICAS',
          line: 6,
          message: '`KAFKA_CFG_MIN_INSYNC_REPLICAS`: the Debezium image does not read this variable',
          fixes: ['Rename to `KAFKA_MIN_INSYNC_REPLICAS`'],
        },
      ],
      output: svc('quay.io/debezium/kafka:2.7', '      KAFKA_NODE_ID: 1\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
    },
    {
      name: 'Bitnami ignores KAFKA_MIN_INSYNC_REPLICAS',
      path: 'docker-compose.yml',
      code: svc('bitnami/kafka:3.9', '      KAFKA_CFG_NODE_ID: 0\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
      errors: [
        {
          text: 'KAFKA_MIN_INSYNC_REPLICAS',
          line: 6,
          severity: 'warning',
          message: '`KAFKA_MIN_INSYNC_REPLICAS`: the Bitnami image does not read this variable, so `min.insync.replicas` keeps its default',
          fixes: ['Rename to `KAFKA_CFG_MIN_INSYNC_REPLICAS`'],
        },
      ],
      output: svc('bitnami/kafka:3.9', '      KAFKA_CFG_NODE_ID: 0\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n'),
    },
    {
      name: 'Bitnami, list form, unclean election',
      path: 'docker-compose.yml',
      code: svc('bitnami/kafka:3.9', '      - KAFKA_CFG_NODE_ID=0\n      - "KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=false"\n'),
      errors: [{ text: 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', line: 6, fixes: ['Rename to `KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE`'] }],
      output: svc('bitnami/kafka:3.9', '      - KAFKA_CFG_NODE_ID=0\n      - "KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=false"\n'),
    },
    {
      name: 'Confluent ignores KAFKA_CFG_',
      path: 'docker-compose.yml',
      code: svc('confluentinc/cp-kafka:7.6.0', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: "2"\n'),
      errors: [{ text: 'KAFKA_CFG_MIN_INSYNC_REPLICAS', message: 'the Confluent image does not read this variable', fixes: ['Rename to `KAFKA_MIN_INSYNC_REPLICAS`'] }],
      output: svc('confluentinc/cp-kafka:7.6.0', '      KAFKA_MIN_INSYNC_REPLICAS: "2"\n'),
    },
    {
      name: 'Apache image ignores KAFKA_CFG_',
      path: 'docker-compose.yml',
      code: svc('apache/kafka:4.0.0', '      KAFKA_NODE_ID: 1\n      KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n'),
      errors: [
        {
          text: 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE',
          line: 6,
          message:
            "`KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE`: the Apache Kafka image turns this variable into the unknown property `cfg.unclean.leader.election.enable`, so the value `false` never reaches `unclean.leader.election.enable`. Once any `KAFKA_` variable is set, this image writes the broker's configuration from those variables alone (its packaged `server.properties` is dropped unless one is mounted), so `unclean.leader.election.enable` gets Kafka's own default. Rename it to `KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE`",
        },
      ],
      output: svc('apache/kafka:4.0.0', '      KAFKA_NODE_ID: 1\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n'),
    },
    {
      name: 'Apache image: an ignored key a KRaft broker needs, and the property names the image makes',
      path: 'docker-compose.yml',
      code: svc('apache/kafka:4.0.0', '      KAFKA_CFG_NODE_ID: 1\n      KAFKA_CFG_LOG_DIRS: /var/lib/kafka___data\n'),
      errors: [
        { text: 'KAFKA_CFG_NODE_ID', line: 5, message: /property `cfg\.node\.id`, so the value `1` never reaches `node\.id`\. Once any .* gets Kafka's own default, without which a KRaft broker does not start\. Rename it to `KAFKA_NODE_ID`/ },
        { text: 'KAFKA_CFG_LOG_DIRS', line: 6, message: "`cfg.log.dirs`, so the value `/var/lib/kafka___data` never reaches `log.dirs`" },
      ],
      output: svc('apache/kafka:4.0.0', '      KAFKA_NODE_ID: 1\n      KAFKA_LOG_DIRS: /var/lib/kafka___data\n'),
    },
    {
      name: 'Apache image, Chinese',
      path: 'docker-compose.yml',
      code: svc('apache/kafka:4.0.0', '      KAFKA_CFG_PROCESS_ROLES: broker,controller\n'),
      errors: [{ text: 'KAFKA_CFG_PROCESS_ROLES', message: 'Apache Kafka 镜像会把该变量变成未知属性 `cfg.process.roles`，因此 `broker,controller` 不会传给 `process.roles`。只要设置了任何 `KAFKA_` 变量，该镜像就只用这些变量生成 broker 配置（除非挂载了 `server.properties`，否则镜像自带的配置会被丢弃），因此 `process.roles` 取 Kafka 自身的默认值，而 KRaft broker 缺少它无法启动。' }],
      output: svc('apache/kafka:4.0.0', '      KAFKA_PROCESS_ROLES: broker,controller\n'),
      options: { locale: 'zh-cn' },
    },
    {
      name: 'the right variable is already there: remove the ignored one',
      path: 'docker-compose.yml',
      code: svc('bitnami/kafka:3.9', '      KAFKA_MIN_INSYNC_REPLICAS: 2 # old\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n'),
      errors: [{ text: 'KAFKA_MIN_INSYNC_REPLICAS', line: 5, message: 'which this service already sets', fixes: ['Remove `KAFKA_MIN_INSYNC_REPLICAS`'] }],
      output: svc('bitnami/kafka:3.9', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n'),
      safeOnly: true,
    },
    {
      name: 'list form, quoted, right variable already set',
      path: 'docker-compose.yml',
      code: svc('bitnami/kafka:3.9', '      - "KAFKA_MIN_INSYNC_REPLICAS=2"\r\n      - KAFKA_CFG_MIN_INSYNC_REPLICAS=2\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      errors: [{ text: 'KAFKA_MIN_INSYNC_REPLICAS', line: 5, fixes: ['Remove `KAFKA_MIN_INSYNC_REPLICAS`'] }],
      output: svc('bitnami/kafka:3.9', '      - KAFKA_CFG_MIN_INSYNC_REPLICAS=2\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
    },
    {
      name: 'Chinese messages',
      path: 'docker-compose.yml',
      options: { locale: 'zh-cn' },
      code: svc('bitnami/kafka:3.9', '      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
      errors: [{ text: 'KAFKA_MIN_INSYNC_REPLICAS', message: 'Bitnami 镜像不读取该变量', fixes: ['重命名为 `KAFKA_CFG_MIN_INSYNC_REPLICAS`'] }],
      output: svc('bitnami/kafka:3.9', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n'),
    },
  ],
});
