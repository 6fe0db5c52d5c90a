package dict

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Negations maps a CAMEO code to the code of its negation, read from
// PETRARCH's internal coding ontology (PICO): a line "110:0x1007f#0xFFFF+0x0080"
// says that 110 (disapprove) is the negation of the code whose value is
// 0x0080 (050, diplomatic cooperation), so "did not oppose" codes 050 and
// "did not cooperate" codes 110.
type Negations map[string]string

// LoadNegations reads a PICO file.
func LoadNegations(r io.Reader, file string) (Negations, error) {
	sc := bufio.NewScanner(r)
	byValue := map[int64]string{}
	type neg struct {
		code  string
		value int64
	}
	var negs []neg
	var errs []error
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		code, rest, ok := strings.Cut(t, ":")
		if !ok {
			continue // continuation comments in the file
		}
		code = strings.TrimSpace(code)
		for i, f := range strings.Split(rest, "#") {
			f = strings.TrimSpace(f)
			v, negated, err := parseHexSum(f)
			if err != nil {
				if i == 0 {
					errs = append(errs, &LineError{file, n, err})
				}
				break // the rest is a label
			}
			switch {
			case negated:
				negs = append(negs, neg{code, v})
			case i == 0:
				if _, dup := byValue[v]; !dup {
					byValue[v] = code
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &LineError{file, n, err})
	}
	out := Negations{}
	for _, g := range negs {
		if base, ok := byValue[g.value]; ok {
			out[g.code] = base
			if _, set := out[base]; !set {
				out[base] = g.code
			}
		}
	}
	return out, joinErrors(errs)
}

// parseHexSum reads "0x0087+0xFFFF" or "-0xFFFF+0x0070": the sum of the
// terms other than 0xFFFF, and whether a 0xFFFF (negation) term was there.
func parseHexSum(s string) (sum int64, negated bool, err error) {
	if s == "" {
		return 0, false, fmt.Errorf("empty value")
	}
	if s == "0" {
		return 0, false, nil
	}
	i := 0
	for i < len(s) {
		sign := int64(1)
		if s[i] == '+' || s[i] == '-' {
			if s[i] == '-' {
				sign = -1
			}
			i++
		}
		j := i
		for j < len(s) && s[j] != '+' && s[j] != '-' {
			j++
		}
		term := strings.TrimSpace(s[i:j])
		if !strings.HasPrefix(strings.ToLower(term), "0x") {
			return 0, false, fmt.Errorf("bad value %q", s)
		}
		v, err := strconv.ParseInt(term[2:], 16, 64)
		if err != nil {
			return 0, false, fmt.Errorf("bad value %q", s)
		}
		if v == 0xFFFF {
			negated = true
		} else {
			sum += sign * v
		}
		i = j
	}
	return sum, negated, nil
}
