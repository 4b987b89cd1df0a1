// Package sample makes up cases and photos for the demo database, the benchmarks and the tests:
// realistic and varied, and clearly fake (valid IMEIs with made-up serials, names from a list).
package sample
