package casefile

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Role is what a person may do on a shared database. On a single counter's own database
// everyone is RoleOwner.
type Role string

// The roles, from the least to the most trusted in cases.
const (
	// RoleTechnician opens and edits their own branch's cases, adds evidence, changes status
	// and exports.
	RoleTechnician Role = "technician"
	// RoleManager does everything a technician does, in every branch, and reviews: the
	// overview, reports, audit, purge and settings.
	RoleManager Role = "manager"
	// RoleAdmin manages branches and people.
	RoleAdmin Role = "admin"
	// RoleOwner is the set-up account of a shared database or anyone on a counter's own
	// database: everything is allowed.
	RoleOwner Role = "owner"
)

// ParseRole accepts the three roles a person can be given.
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleTechnician, RoleManager, RoleAdmin:
		return r, nil
	}
	return "", fmt.Errorf("the role is technician, manager or admin, not %q", s)
}

// Reviews tells whether the role sees every branch and the manager's screens.
func (r Role) Reviews() bool { return r == RoleManager || r == RoleOwner }

// WorksCases tells whether the role opens and changes cases.
func (r Role) WorksCases() bool { return r == RoleTechnician || r.Reviews() }

// ManagesStaff tells whether the role adds branches and people.
func (r Role) ManagesStaff() bool { return r == RoleAdmin || r == RoleOwner }

// Branch is one location of the service center: what its documents print, and the support
// region its new cases start with.
type Branch struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Region  string `json:"region,omitempty"`
}

var branchCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{0,15}$`)

// Normalize trims the fields and upper-cases the code.
func (b *Branch) Normalize() {
	b.Code = strings.ToUpper(strings.TrimSpace(b.Code))
	b.Name = strings.TrimSpace(b.Name)
	b.Address = strings.TrimSpace(b.Address)
	b.Phone = strings.TrimSpace(b.Phone)
	b.Email = strings.TrimSpace(b.Email)
	b.Region = strings.TrimSpace(b.Region)
}

// Validate says what is wrong with a branch before the database is asked.
func (b Branch) Validate() error {
	if !branchCode.MatchString(b.Code) {
		return fmt.Errorf("a branch code is 1 to 16 latin letters, digits, \"-\" or \"_\" (e.g. MSK-1), not %q", b.Code)
	}
	if b.Name == "" {
		return fmt.Errorf("branch %s needs a name (--name)", b.Code)
	}
	if b.Email != "" && !strings.Contains(b.Email, "@") {
		return fmt.Errorf("branch %s: %q is not an e-mail address", b.Code, b.Email)
	}
	return nil
}

// Person is someone on the staff of a shared database; Login is their PostgreSQL role.
type Person struct {
	Login     string    `json:"login"`
	Name      string    `json:"name,omitempty"`
	Role      Role      `json:"role"`
	Branch    string    `json:"branch,omitempty"`
	AddedAt   time.Time `json:"added_at"`
	RemovedAt time.Time `json:"removed_at,omitzero"`
}

var loginName = regexp.MustCompile(`^[a-z_][a-z0-9_.-]{0,62}$`)

// ValidateLogin says what is wrong with a login before the database is asked.
func ValidateLogin(login string) error {
	if !loginName.MatchString(login) {
		return fmt.Errorf("a login is lower-case latin letters, digits, \"_\", \".\" or \"-\", starting with a letter (e.g. ivanova.a), not %q", login)
	}
	if strings.HasPrefix(login, "recoverydesk_") || strings.HasPrefix(login, "pg_") {
		return fmt.Errorf("the login %q is reserved", login)
	}
	return nil
}

// Identity is who the store is connected as.
type Identity struct {
	Login  string
	Name   string
	Role   Role
	Branch string
}

// Change is what a shared database tells the other counters when a case changes: enough to
// refresh a list row and to say who changed an open case, and no customer data.
type Change struct {
	Number   string    `json:"number"`
	Branch   string    `json:"branch"`
	Action   Action    `json:"action"`
	Operator string    `json:"operator"`
	Login    string    `json:"login"`
	At       time.Time `json:"at"`
}
