package tone

import "unsafe"

// unsafeString views b as a string without copying, for map lookups and
// comparisons; the result must not outlive b's next change.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
