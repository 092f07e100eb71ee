import { ruleTester } from '../helpers/ruleTester.js';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const topic = (spec: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n' + spec;

const compose = (env: string) => 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n' + env;

ruleTester('unclean-leader-election', {
  valid: [
    { name: 'explicit false', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=false\n' },
    { name: 'unset on a modern version', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n' },
    { name: 'unset on 0.11', path: 'server.properties', code: 'broker.id=4\nlog.dirs=/var/lib/kafka\n', options: { kafkaVersion: '0.11.0' } },
    { name: 'dynamic value', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=${UNCLEAN}\n' },
    { name: 'topic without the key inherits the broker', path: 'topic.yaml', code: topic('  partitions: 3\n  replicas: 3\n'), options: { kafkaVersion: '0.10.2' } },
    {
      name: 'old version, but the ignored variable is env-var-image\'s finding',
      path: 'docker-compose.yml',
      options: { kafkaVersion: '0.10.2' },
      code: 'services:\n  kafka:\n    image: bitnami/kafka:3.9\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n',
    },
    { name: 'Strimzi false', path: 'kafka.yaml', code: strimzi('    replicas: 3\n    config:\n      unclean.leader.election.enable: false\n') },
  ],
  invalid: [
    {
      name: 'explicit true on a broker',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=true\n',
      errors: [
        {
          text: 'true',
          line: 3,
          severity: 'error',
          message: '`unclean.leader.election.enable=true`: when every in-sync replica of a partition is down',
          fixes: ['Set `unclean.leader.election.enable=false`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=false\n',
    },
    {
      name: 'case-insensitive TRUE',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable = TRUE\n',
      errors: [{ text: 'TRUE', severity: 'error' }],
      output: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable = false\n',
    },
    {
      name: 'old cluster relying on the default',
      path: 'server.properties',
      options: { kafkaVersion: '0.10.2' },
      code: 'broker.id=4\nlog.dirs=/var/lib/kafka\n',
      errors: [
        {
          text: 'broker.id',
          severity: 'warning',
          message: /^`unclean\.leader\.election\.enable` is unset; the Kafka 0\.10\.2 default is `true`/,
          fixes: ['Set `unclean.leader.election.enable=false`'],
        },
      ],
      output: 'broker.id=4\nlog.dirs=/var/lib/kafka\nunclean.leader.election.enable=false\n',
    },
    {
      name: 'Strimzi broker config',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      unclean.leader.election.enable: true\n'),
      errors: [{ text: 'true', line: 9, severity: 'error', fixes: ['Set `unclean.leader.election.enable: false`'] }],
      output: strimzi('    replicas: 3\n    config:\n      unclean.leader.election.enable: false\n'),
    },
    {
      name: 'KafkaTopic override',
      path: 'topic.yaml',
      code: topic('  partitions: 3\n  replicas: 3\n  config:\n    unclean.leader.election.enable: "true"\n'),
      errors: [{ text: 'true', line: 11, severity: 'error' }],
      output: topic('  partitions: 3\n  replicas: 3\n  config:\n    unclean.leader.election.enable: "false"\n'),
    },
    {
      name: 'compose environment',
      path: 'docker-compose.yml',
      code: compose('      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n'),
      errors: [{ text: 'true', line: 5, severity: 'error', message: '`KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true`', fixes: ['Set `KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: false`'] }],
      output: compose('      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n'),
    },
    {
      name: 'topic properties file',
      path: 'topic.properties',
      code: 'cleanup.policy=delete\nmin.insync.replicas=2\nunclean.leader.election.enable=true\n',
      errors: [{ text: 'true', line: 3, severity: 'error' }],
      output: 'cleanup.policy=delete\nmin.insync.replicas=2\nunclean.leader.election.enable=false\n',
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=true\n',
      errors: [{ text: 'true', message: '当分区的所有同步副本都宕机时', fixes: ['设置 `unclean.leader.election.enable=false`'] }],
      output: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=false\n',
    },
  ],
});
