package casefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ImportError points at the case and the field of an import file that cannot be taken.
type ImportError struct {
	// Index is the case's position in the file, from 0.
	Index int
	Field string
	Err   error
}

// Error counts the cases as a person does, from 1 ("case 2" is the second in the file).
func (e *ImportError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("case %d, %s: %v", e.Index+1, e.Field, e.Err)
	}
	return fmt.Sprintf("case %d: %v", e.Index+1, e.Err)
}

func (e *ImportError) Unwrap() error { return e.Err }

// MaxImportBytes bounds an import file: 10,000 cases fit in a few megabytes.
const MaxImportBytes = 256 << 20

// DecodeImport reads the import format: one case object or an array of them. Unknown keys are
// refused (a misspelt key would silently lose data), and every case is validated, so that the
// caller stores all of them or none. Attachment files are not read here: their paths are
// relative to the import file, which only the caller knows.
func DecodeImport(r io.Reader) ([]*Case, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxImportBytes {
		return nil, fmt.Errorf("the import file is larger than %d MB; split it", MaxImportBytes>>20)
	}
	raw = bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	var items []json.RawMessage
	switch {
	case len(raw) == 0:
		return nil, errors.New("the import file is empty")
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("the file is not a JSON array of cases: %w", err)
		}
	case raw[0] == '{':
		items = []json.RawMessage{raw}
	default:
		return nil, errors.New("the file is not JSON: it should hold one case object or an array of them")
	}
	out := make([]*Case, 0, len(items))
	for i, item := range items {
		c, err := decodeOne(item)
		if err != nil {
			return nil, &ImportError{Index: i, Field: fieldOf(err), Err: err}
		}
		for j, a := range c.Attachments {
			if strings.TrimSpace(a.Path) == "" {
				return nil, &ImportError{Index: i, Field: fmt.Sprintf("attachments[%d].path", j), Err: errors.New("no file path")}
			}
		}
		c.Normalize()
		if err := c.Validate(); err != nil {
			var ve ValidationError
			if errors.As(err, &ve) {
				return nil, &ImportError{Index: i, Field: ve[0].Field, Err: errors.New(ve[0].Message)}
			}
			return nil, &ImportError{Index: i, Err: err}
		}
		out = append(out, c)
	}
	return out, nil
}

func decodeOne(item json.RawMessage) (*Case, error) {
	dec := json.NewDecoder(bytes.NewReader(item))
	dec.DisallowUnknownFields()
	var c Case
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	// Status and number belong to the database that issues them; an imported case starts at intake.
	c.Number, c.Status = "", ""
	return &c, nil
}

// fieldOf names the JSON field a decoding error is about, where the decoder says.
func fieldOf(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		return strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
	}
	return ""
}
