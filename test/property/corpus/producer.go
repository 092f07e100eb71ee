package events

import (
	"time"

	kafka "github.com/IBM/sarama"
)

/* newConfig builds the shared producer config.
   It is used by two publishers. */
func newConfig(retries int) *kafka.Config {
	cfg := kafka.NewConfig()
	cfg.Producer.RequiredAcks = kafka.WaitForLocal // fast
	cfg.Producer.Retry.Max = 0
	cfg.Producer.Return.Errors = false
	cfg.Producer.Return.Successes = retries > 0
	cfg.Producer.Idempotent = true
	cfg.Net.MaxOpenRequests = 5
	cfg.Version = kafka.V0_10_2_0
	cfg.Producer.Flush.Frequency = 500 * time.Millisecond
	return cfg
}

func NewSync(brokers []string) (kafka.SyncProducer, error) {
	c := kafka.NewConfig()
	c.Producer.Transaction.ID = `tx-` + "orders"
	c.Producer.RequiredAcks = kafka.NoResponse
	return kafka.NewSyncProducer(brokers, c)
}

// tune sets what every caller's producer shares; NewTuned passes its config in.
func tune(out *kafka.Config, id string) {
	out.ClientID = id
	out.Producer.Return.Successes = false
	out.Producer.Retry.Max = 0
}

func NewTuned(brokers []string) (kafka.SyncProducer, error) {
	c := kafka.NewConfig()
	tune(c, "tuned")
	return kafka.NewSyncProducer(brokers, c)
}

// NewChosen writes acks in branches: each value a run can leave in effect is judged.
func NewChosen(brokers []string, mode string) (kafka.SyncProducer, error) {
	c := kafka.NewConfig()
	switch mode {
	case "fast":
		c.Producer.RequiredAcks = kafka.NoResponse
	case "safe":
		tune(c, "chosen")
		c.Producer.RequiredAcks = kafka.WaitForAll
	}
	if len(brokers) == 1 {
		c.Producer.RequiredAcks = kafka.WaitForLocal
	} else {
		c.Producer.Retry.Max = 3
	}
	return kafka.NewSyncProducer(brokers, c)
}
