package sqlite

// makeWritable says how the owner of a read-only database file makes it writable again: on
// Windows a file is read-only by its attribute, which Explorer shows in the file's Properties.
const makeWritable = "clear its Read-only box in the file's Properties"
