package main

// The engines this binary speaks: a counter's own SQLite file and a service center's shared
// PostgreSQL database. Each registers itself with data.Open from its init.
import (
	_ "recoverydesk/data/postgres"
	_ "recoverydesk/data/sqlite"
)
