// Package interop checks that the tables stance writes open in DuckDB with the
// types an analyst expects. It is its own module because DuckDB needs cgo and
// the main module must stay cgo-free.
package interop
