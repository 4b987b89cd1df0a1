package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// Identity tells who the store is connected as, as the database sees it: the login, the role
// on the staff and the branch. A login that is not on the staff (or was removed) gets an
// error saying so; the server's superuser is the set-up account, with every right.
func (s *Store) Identity(ctx context.Context) (casefile.Identity, error) {
	var (
		id    casefile.Identity
		role  string
		super bool
	)
	err := s.db.QueryRowContext(ctx, `SELECT login, role, branch, name, superuser FROM whoami(current_user)`).Scan(&id.Login, &role, &id.Branch, &id.Name, &super)
	if err != nil {
		return id, s.wrap(err)
	}
	switch {
	case super:
		id.Role = casefile.RoleOwner
	case role == "":
		return id, fmt.Errorf("%w: the login %s is not on this service center's staff; the administrator adds people with `recoverydesk staff add`",
			casefile.ErrForbidden, id.Login)
	default:
		id.Role = casefile.Role(role)
	}
	return id, nil
}

// Branches lists the branches by code.
func (s *Store) Branches(ctx context.Context) ([]casefile.Branch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT code, name, address, phone, email, region FROM branches ORDER BY code`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []casefile.Branch
	for rows.Next() {
		var b casefile.Branch
		if err := rows.Scan(&b.Code, &b.Name, &b.Address, &b.Phone, &b.Email, &b.Region); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveBranch adds a branch or, when its code exists, changes its details.
func (s *Store) SaveBranch(ctx context.Context, b casefile.Branch) error {
	b.Normalize()
	if err := b.Validate(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO branches (code, name, address, phone, email, region) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
		email = excluded.email, region = excluded.region`, b.Code, b.Name, b.Address, b.Phone, b.Email, b.Region)
	return s.wrap(err)
}

// Staff lists everyone ever added, the removed ones too (the history names them).
func (s *Store) Staff(ctx context.Context) ([]casefile.Person, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT login, name, role, COALESCE(branch, ''), added_at, removed_at FROM staff ORDER BY login`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []casefile.Person
	for rows.Next() {
		var (
			p       casefile.Person
			added   time.Time
			removed sql.NullTime
		)
		if err := rows.Scan(&p.Login, &p.Name, &p.Role, &p.Branch, &added, &removed); err != nil {
			return nil, err
		}
		p.AddedAt = utc(added)
		if removed.Valid {
			p.RemovedAt = utc(removed.Time)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddStaff gives a person a login of their own with a role (and, for a technician, a branch).
// Adding someone who was removed gives them back their login. The password leaves this
// process only as a SCRAM verifier.
func (s *Store) AddStaff(ctx context.Context, p casefile.Person, password string) error {
	if err := casefile.ValidateLogin(p.Login); err != nil {
		return err
	}
	if _, err := casefile.ParseRole(string(p.Role)); err != nil {
		return err
	}
	p.Branch = strings.ToUpper(strings.TrimSpace(p.Branch))
	if p.Role == casefile.RoleTechnician && p.Branch == "" {
		return fmt.Errorf("a technician works at a branch: add --branch CODE (recoverydesk branch list shows them)")
	}
	if len(password) < 8 {
		return fmt.Errorf("the password of %s is too short: at least 8 characters", p.Login)
	}
	verifier, err := scramVerifier(password)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `SELECT staff_add($1, $2, $3, $4, $5)`, p.Login, string(p.Role), p.Branch, p.Name, verifier)
	return branchError(s.wrap(err), p.Branch)
}

// RemoveStaff takes the right to connect away from a person; their name stays in the history
// and on the staff list, marked removed.
func (s *Store) RemoveStaff(ctx context.Context, login string) error {
	_, err := s.db.ExecContext(ctx, `SELECT staff_remove($1)`, strings.TrimSpace(login))
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "P0002" {
		return fmt.Errorf("%w: nobody with the login %s is on the staff", casefile.ErrNotFound, login)
	}
	return s.wrap(err)
}

// branchError turns the database's refusal of an unknown branch code into a sentence.
func branchError(err error, code string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23503" && strings.Contains(pe.ConstraintName, "branch") {
		return fmt.Errorf("there is no branch %s; `recoverydesk branch list` shows the branches", code)
	}
	return err
}

// scramVerifier is what PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802 and 7677):
// the server checks a login against it without ever knowing the password.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	enc := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, enc(salt), enc(stored[:]), enc(server)), nil
}

// The team contract, checked at compile time.
var _ data.Team = (*Store)(nil)
