module example.com/go-events

go 1.22

require (
	github.com/IBM/sarama v1.43.2
	github.com/confluentinc/confluent-kafka-go/v2 v2.6.1
	github.com/segmentio/kafka-go v0.4.47
)
