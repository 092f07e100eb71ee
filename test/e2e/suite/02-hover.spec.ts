// Hover: the documentation of the key (or sarama field/constant) under the cursor, through VS Code's
// hover provider command, on every kind of file.

import * as assert from 'node:assert/strict';
import { at, hoverText, open } from './helpers';

suite('hover', () => {
  test('a key in a .properties file', async () => {
    const { document: doc } = await open('producer/producer.properties');
    const text = await hoverText(doc.uri, at(doc, 5, 'acks', 1));
    assert.match(text, /^\*\*acks\*\*/);
    assert.match(text, /How many replicas must have a record before the producer counts the send as successful/);
    assert.match(text, /`acks=1` is in effect/);
  });

  test('spring.kafka.producer.acks in application.yml', async () => {
    const { document: doc } = await open('spring/src/main/resources/application.yml');
    const text = await hoverText(doc.uri, at(doc, 9, 'acks', 1));
    assert.match(text, /^\*\*acks\*\*/);
    assert.match(text, /`spring\.kafka\.producer\.acks: 0` is in effect/);
  });

  test('a broker config key in a Strimzi manifest', async () => {
    const { document: doc } = await open('k8s/kafka-cluster.yaml');
    const text = await hoverText(doc.uri, at(doc, 17, 'unclean.leader', 3));
    assert.match(text, /^\*\*unclean\.leader\.election\.enable\*\*/);
    assert.match(text, /Whether a replica outside the ISR may become leader/);
  });

  test('a KAFKA_* environment variable in a compose file', async () => {
    const { document: doc } = await open('local-dev/docker-compose.yml');
    const text = await hoverText(doc.uri, at(doc, 10, 'KAFKA_UNCLEAN', 4));
    assert.match(text, /\*\*unclean\.leader\.election\.enable\*\*/);
  });

  test('a sarama config field and a sarama constant', async () => {
    const { document: doc } = await open('go-producer/producer.go');
    const field = await hoverText(doc.uri, at(doc, 8, 'RequiredAcks', 2));
    assert.match(field, /^\*\*Producer\.RequiredAcks\*\*/);
    assert.match(field, /the `acks` of sarama/);
    const constant = await hoverText(doc.uri, at(doc, 8, 'WaitForLocal', 2));
    assert.match(constant, /^\*\*sarama\.WaitForLocal\*\*/);
  });

  test('no hover on a file that is not Kafka configuration', async () => {
    const { document: doc } = await open('logging/log4j.properties');
    assert.equal(await hoverText(doc.uri, at(doc, 3, 'kafka', 1)), '');
  });
});
