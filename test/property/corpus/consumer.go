package events

import "github.com/IBM/sarama"

func NewGroup(brokers []string, group string) (sarama.ConsumerGroup, error) {
	config := sarama.NewConfig()
	config.Consumer.Offsets.Initial = sarama.OffsetNewest
	config.Consumer.Offsets.AutoCommit.Enable = true
	config.Consumer.Return.Errors = true
	return sarama.NewConsumerGroup(brokers, group, config)
}
