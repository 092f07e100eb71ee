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

// NewLegacyAuditLog is the writer of the services not yet moved off kafka.NewWriter, which reads
// RequiredAcks 0 (or none) as all: here it was lowered to the leader alone.
func NewLegacyAuditLog(brokers ...string) *AuditLog {
	return &AuditLog{w: kafka.NewWriter(kafka.WriterConfig{
		Brokers:      brokers,
		Topic:        "audit.v1",
		RequiredAcks: -1,
	})}
}
