package casefile

import "strings"

// GuessBrand fills the brand from a model name people often type alone ("Redmi Note 12").
func GuessBrand(model string) string {
	m := strings.ToLower(model)
	switch {
	case strings.HasPrefix(m, "redmi"):
		return "Redmi"
	case strings.HasPrefix(m, "poco"):
		return "POCO"
	case strings.HasPrefix(m, "xiaomi"), strings.HasPrefix(m, "mi "):
		return "Xiaomi"
	}
	return ""
}
