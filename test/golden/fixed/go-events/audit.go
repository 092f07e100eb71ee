package events

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// AuditLog writes audit records with segmentio/kafka-go.
type AuditLog struct {
	w *kafka.Writer
}

func NewAuditLog(brokers ...string) *AuditLog {
	return &AuditLog{w: &kafka.Writer{
		Addr:     kafka.TCP(brokers...),
		Topic:    "audit.v1",
		Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll,
	}}
}

func (a *AuditLog) Record(ctx context.Context, key, value []byte) error {
	return a.w.WriteMessages(ctx, kafka.Message{Key: key, Value: value})
}
