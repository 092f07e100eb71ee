package tools

import "strings"

// Acks is not a Kafka setting here.
func Acks(s string) string {
	acks := strings.TrimSpace(s)
	return acks
}
