package knowledge

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// englishWords is the lower-case words of a British English word list,
// one per line, sorted bytewise (english/README.md says where it is from).
//
//go:embed english/words.txt
var englishWords string

// englishStarts is the offset of each line of englishWords, made once.
var englishStarts = sync.OnceValue(func() []uint32 {
	starts := make([]uint32, 0, 64000)
	for i := 0; i < len(englishWords); {
		starts = append(starts, uint32(i))
		n := strings.IndexByte(englishWords[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return starts
})

// englishWord reports whether w, in lower case, is an English word: typed
// as it is spelt, so not a typo to correct, even where the content does not
// use it ("alone" is not "along", "wife died" is not "wide diet").
func englishWord(w string) bool {
	starts := englishStarts()
	line := func(i int) string {
		s := englishWords[starts[i]:]
		if n := strings.IndexByte(s, '\n'); n >= 0 {
			s = s[:n]
		}
		return s
	}
	i := sort.Search(len(starts), func(i int) bool { return line(i) >= w })
	return i < len(starts) && line(i) == w
}
