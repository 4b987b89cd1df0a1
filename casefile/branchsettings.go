package casefile

// ForBranch is what a document of a case taken in at branch b prints as its service center:
// the branch's own address, phone and e-mail where it has them (support writes back to the
// counter that sent the dossier, and the customer's receipt names where to come back), and
// the branch's name beside the center's. An empty branch changes nothing.
func (s Settings) ForBranch(b Branch) Settings {
	switch {
	case b.Name == "" || b.Name == s.CenterName:
	case s.CenterName == "":
		s.CenterName = b.Name
	default:
		s.CenterName += " — " + b.Name
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&s.CenterAddress, b.Address}, {&s.CenterPhone, b.Phone}, {&s.CenterEmail, b.Email},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	return s
}

// FindBranch is the branch with code among branches; the zero Branch when there is none (a
// counter's own file, or a case from before branches).
func FindBranch(branches []Branch, code string) Branch {
	for _, b := range branches {
		if b.Code == code {
			return b
		}
	}
	return Branch{}
}
