module example.com/go-events

go 1.22

require (
	github.com/IBM/sarama v1.43.2
	github.com/segmentio/kafka-go v0.4.47
)
