package events

import (
	"context"
	"log"

	"github.com/segmentio/kafka-go"
)

// ConsumeLedger applies ledger entries, reading as the "ledger" consumer group.
func ConsumeLedger(ctx context.Context, apply func(kafka.Message) error) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: []string{"kafka-1:9092", "kafka-2:9092"},
		GroupID: "ledger",
		Topic:   "ledger.entries",
	})
	defer r.Close()
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := apply(m); err != nil {
			log.Printf("skipping offset %d: %v", m.Offset, err)
		}
	}
}
