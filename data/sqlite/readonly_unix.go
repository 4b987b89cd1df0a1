//go:build !windows

package sqlite

// makeWritable says how the owner of a read-only database file makes it writable again.
const makeWritable = "make it writable (chmod u+w)"
