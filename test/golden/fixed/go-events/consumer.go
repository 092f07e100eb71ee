package events

import (
	"context"
	"time"

	"github.com/IBM/sarama"
)

// RunOrderConsumer consumes order events for the fulfilment workers.
func RunOrderConsumer(ctx context.Context, brokers []string, handler sarama.ConsumerGroupHandler) error {
	config := sarama.NewConfig()
	config.Consumer.Group.Rebalance.GroupStrategies = []sarama.BalanceStrategy{sarama.NewBalanceStrategyRange()}
	config.Consumer.Offsets.AutoCommit.Enable = true
	config.Consumer.Offsets.AutoCommit.Interval = 1 * time.Second
	config.Consumer.Offsets.Initial = sarama.OffsetOldest

	group, err := sarama.NewConsumerGroup(brokers, "fulfilment", config)
	if err != nil {
		return err
	}
	defer group.Close()
	for ctx.Err() == nil {
		if err := group.Consume(ctx, []string{"orders"}, handler); err != nil {
			return err
		}
	}
	return nil
}
