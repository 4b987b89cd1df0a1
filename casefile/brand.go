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

// DisplayName is the device as people say it: "Redmi Note 12", not "Redmi Redmi Note 12".
func (d Device) DisplayName() string {
	b, m := strings.TrimSpace(d.Brand), strings.TrimSpace(d.Model)
	if b == "" || strings.HasPrefix(strings.ToLower(m), strings.ToLower(b)) {
		return m
	}
	return strings.TrimSpace(b + " " + m)
}
