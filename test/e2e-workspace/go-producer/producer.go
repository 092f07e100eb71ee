package producer

import "github.com/IBM/sarama"

// NewPublisher publishes order events.
func NewPublisher(brokers []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.RequiredAcks = sarama.WaitForLocal
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(brokers, cfg)
}
