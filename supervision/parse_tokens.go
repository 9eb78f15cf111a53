package supervision

import (
	"strconv"
	"strings"
)

var countWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// count reads "3", "three" or "a"; 0 when it is none of them.
func count(s string) int {
	if n, ok := countWords[s]; ok {
		return n
	}
	if len(s) > 6 {
		return 1 << 20 // more than any bound; saves Atoi overflow
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func tokens(s string) []string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var out []string
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out
		}
		j := strings.IndexAny(s, " \t\r\n")
		if s[0] == '<' {
			if k := strings.IndexByte(s, '>'); k > 0 {
				j = k + 1
			}
		}
		if j < 0 {
			j = len(s)
		}
		tok := s[:j]
		s = s[j:]
		if t := strings.TrimRight(tok, ",;"); t != "" {
			tok = t
		}
		if len(tok) > 1 && tok[len(tok)-1] == '.' {
			tok = tok[:len(tok)-1]
		}
		out = append(out, tok)
	}
}
