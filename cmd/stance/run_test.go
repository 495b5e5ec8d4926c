package main

import "testing"

func TestParseSize(t *testing.T) {
	good := map[string]int64{"0": 0, "off": 0, "1048576": 1 << 20, "200MiB": 200 << 20, "1GiB": 1 << 30, "500MB": 500e6, "64KiB": 64 << 10, "12B": 12}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "-1MiB", "1.5GiB", "MiB", "99999999999TiB"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}
