package events

import (
	"context"
	"os"

	kafka "github.com/segmentio/kafka-go"
)

var audit = &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "audit", RequiredAcks: kafka.RequireOne}

type Publisher struct {
	orders  *kafka.Writer
	metrics *kafka.Writer
}

func NewPublisher(brokers []string) *Publisher {
	return &Publisher{
		orders: &kafka.Writer{
			Addr:         kafka.TCP(brokers...),
			Topic:        "orders",
			Balancer:     &kafka.Hash{},
			MaxAttempts:  5,
			Async:        false,
		},
		// kafka-lint-disable-next-line acks -- metrics may be lost
		metrics: &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "metrics", RequiredAcks: kafka.RequireNone},
	}
}

func fromEnv() kafka.RequiredAcks {
	if os.Getenv("ACKS") == "all" {
		return kafka.RequireAll
	}
	return kafka.RequiredAcks(1)
}

func (p *Publisher) Publish(ctx context.Context, v []byte) error {
	w := kafka.Writer{Topic: "x", RequiredAcks: fromEnv()}
	_ = w
	return p.orders.WriteMessages(ctx, kafka.Message{Value: v})
}
