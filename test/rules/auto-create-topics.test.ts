import { ruleTester } from '../helpers/ruleTester.js';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const service = (name: string, env = '') =>
  `  ${name}:\n    image: apache/kafka:4.0.0\n` + (env ? `    environment:\n${env}` : '');

ruleTester('auto-create-topics', {
  valid: [
    { name: 'auto-creation off', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=false\n' },
    {
      name: 'a KRaft controller creates no topics on first use (only brokers answer metadata requests)',
      path: 'controller.properties',
      code: 'process.roles=controller\nnode.id=1\nauto.create.topics.enable=true\n',
    },
    { name: 'auto-created topics get 3 replicas', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\n' },
    { name: 'dynamic switch', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=${AUTO_CREATE}\n' },
    { name: 'single-broker compose', path: 'docker-compose.yml', code: 'services:\n' + service('kafka', '      KAFKA_NODE_ID: 1\n') },
    { name: 'Strimzi single node', path: 'kafka.yaml', code: strimzi('    replicas: 1\n    config:\n      default.replication.factor: 1\n') },
    {
      name: 'the ignored variable is env-var-image\'s finding',
      path: 'docker-compose.yml',
      code: 'services:\n' + service('kafka1', '      KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE: "false"\n') + service('kafka2', '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n'),
    },
    { name: 'a producer config', path: 'producer.properties', code: 'bootstrap.servers=k:9092\nacks=all\n' },
  ],
  invalid: [
    {
      name: 'both by default: reported at the anchor, fix inserts',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\n',
      errors: [
        {
          text: 'process.roles',
          severity: 'information',
          message: '`auto.create.topics.enable` is unset (the Kafka 4.0 default is `true`) while `default.replication.factor` is unset (the Kafka 4.0 default is `1`)',
          fixes: ['Set `auto.create.topics.enable=false`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=false\n',
    },
    {
      name: 'explicit true',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=true\ndefault.replication.factor=1\n',
      errors: [{ text: 'true', line: 3, message: '`auto.create.topics.enable=true` while `default.replication.factor=1`' }],
      output: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=false\ndefault.replication.factor=1\n',
    },
    {
      name: 'explicit RF 1, auto-creation by default: reported on the RF',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 1\n'),
      errors: [{ text: '1', line: 9, message: 'a single replica', fixes: ['Set `auto.create.topics.enable: false`'] }],
      output: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 1\n      auto.create.topics.enable: false\n'),
    },
    {
      name: 'compose with two brokers',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        service('kafka1', '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "true"\n') +
        service('kafka2', '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n'),
      errors: [{ text: 'true', line: 5, fixes: ['Set `KAFKA_AUTO_CREATE_TOPICS_ENABLE: false`'] }],
      output:
        'services:\n' +
        service('kafka1', '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n') +
        service('kafka2', '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n'),
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=true\ndefault.replication.factor=1\n',
      errors: [{ text: 'true', message: '`auto.create.topics.enable=true`，同时`default.replication.factor=1`', fixes: ['设置 `auto.create.topics.enable=false`'] }],
      output: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=false\ndefault.replication.factor=1\n',
    },
  ],
});
