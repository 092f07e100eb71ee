package events

import (
	"log"
	"time"

	"github.com/IBM/sarama"
)

// newProducerConfig is shared by the order and audit publishers.
func newProducerConfig() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.ClientID = "go-events"
	cfg.Producer.Return.Errors = true // errors are "handled" by retries
	cfg.Producer.Retry.Max = 10
	cfg.Producer.Retry.Backoff = 100 * time.Millisecond
	return cfg
}

// NewOrderPublisher publishes order events synchronously.
func NewOrderPublisher(brokers []string) (sarama.SyncProducer, error) {
	cfg := newProducerConfig()
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(brokers, cfg)
}

// NewAuditPublisher publishes audit records exactly once.
func NewAuditPublisher(brokers []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Version = sarama.V3_6_0_0
	cfg.Producer.Idempotent = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Return.Successes = true
	cfg.Net.MaxOpenRequests = 1
	p, err := sarama.NewAsyncProducer(brokers, cfg)
	if err != nil {
		log.Printf("audit publisher: %v", err)
	}
	return p, err
}
