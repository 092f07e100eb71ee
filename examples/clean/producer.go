package clean

import "github.com/IBM/sarama"

// NewPublisher returns a producer that waits for all in-sync replicas.
func NewPublisher(brokers []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Return.Successes = true
	cfg.Producer.Retry.Max = 10
	return sarama.NewSyncProducer(brokers, cfg)
}
