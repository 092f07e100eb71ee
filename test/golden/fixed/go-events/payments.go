package events

import (
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// NewPaymentsConsumer reads the payments topic with confluent-kafka-go (librdkafka).
func NewPaymentsConsumer(brokers string) (*kafka.Consumer, error) {
	cfg := &kafka.ConfigMap{
		"bootstrap.servers":  brokers,
		"group.id":           "payments",
		"auto.offset.reset":  "earliest",
		"enable.auto.commit": true,
		"enable.auto.offset.store": false,
	}
	return kafka.NewConsumer(cfg)
}

// NewPaymentsProducer writes payment events; "exactly once" was the intent.
func NewPaymentsProducer(brokers string) (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{
		"bootstrap.servers":  brokers,
		"enable.idempotence": true,
		"acks":               "all", // lower latency
		"max.in.flight":      5,
	})
}
