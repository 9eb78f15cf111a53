package supervision

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestValidNHSNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"9434765919", true},  // NHS England's published example
		{"4010232137", true},  // check digit 7
		{"9999999999", true},  // sum%11 leaves 11 - 2 = 9
		{"0000000000", true},  // check 11 counts as 0
		{"9434765918", false}, // wrong check digit
		{"9434765910", false},
		{"1234567890", false}, // the check would be 10: never valid
		{"1234567891", false},
		{"943476591", false},   // nine digits
		{"94347659190", false}, // eleven digits
		{"943476591a", false},
		{"943 476 5919", false}, // spaced: ContainsNHSNumber's job
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidNHSNumber(tt.in); got != tt.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestContainsNHSNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"plain", "9434765919", true},
		{"spaced 3-3-4", "943 476 5919", true},
		{"dashed", "943-476-5919", true},
		{"double spaces", "943  476  5919", true},
		{"spaced dash", "943 - 476 - 5919", true},
		{"no-break spaces", "943\u00a0476\u00a05919", true},
		{"en dashes", "943\u2013476\u20135919", true},
		{"mixed joiners", "943 476-5919", true},
		{"narrow no-break spaces", "943\u202f476\u202f5919", true},
		{"in a sentence", "saw pt 943 476 5919 today", true},
		{"in brackets", "(943 476 5919)", true},
		{"end of a sentence", "pt 943-476-5919.", true},
		{"between letters", "pt943 476 5919x", true},
		{"after a date", "2026-12-20 943 476 5919", true},
		{"after a label", "NHS:9434765919", true},
		{"after letters", "nhs9434765919", true},
		{"after another number", "30 943 476 5919", true},
		{"before another number", "943 476 5919 60", true},
		{"second of two", "9434765918 and 9434765919", true},
		// Any grouping, and dots or slashes, as people write them.
		{"dotted", "943.476.5919", true},
		{"slashed", "943/476/5919", true},
		{"3-4-3 spaced", "943 4765 919", true},
		{"4-3-3 spaced", "9434 765 919", true},
		{"5-5 spaced", "94347 65919", true},
		{"dotted pairs", "94.34.76.59.19", true},
		{"dot then space", "943.476 5919", true},
		{"slash and dash", "943/476-5919", true},
		{"dash then space", "943-476 5919", true},
		{"dotted in a question", "/ask pt 943.476.5919 help", true},
		{"slashed in quotes", `pcn="943/476/5919"`, true},
		{"dotted after a date", "20/11/2025 943.476.5919", true},
		{"dotted at the end of a sentence", "pt 943.476.5919.", true},
		{"dashed 4-3-3 after a year", "2026 9434-765-919", true},
		{"spaced after a length", "60 9434 765 919", true},
		// Labelled: refused whatever the check digit.
		{"labelled number", "patient nhs number 943 476 5918", true},
		{"labelled no", "NHS no: 9434765918", true},
		{"labelled hash", "nhs# 943-476-5918", true},
		{"labelled num", "Nhs Num 943.476.5918", true},
		{"labelled after words", "NHS number for the patient is 943/476/5918", true},
		{"labelled 4-3-3", "nhs no. 9434 765 918", true},
		{"labelled no dot", "NHS No.9434765918", true},
		{"labelled nine digits", "nhs number 943 476 591", false},
		{"labelled eleven digits", "nhs number 943 476 59180", false},
		{"labelled too far", "nhs number" + strings.Repeat(" x", 30) + " 943 476 5918", false},
		{"label inside a word", "bnhs no 943 476 5918", false},
		{"nhs notes", "nhs notes 943 476 5918", false},
		{"label without digits", "what is an NHS number?", false},
		// Spaced groups of three digits or fewer are lengths, days or
		// scores; a year that starts them is a date's.
		{"pairs", "94 34 76 59 19", false},
		{"lengths", "17 480 120 45", false}, // the digits pass the check
		{"year and lengths", "2 Jan 2026 480 109", false},
		{"dates and times", "20.11.2025 10:30", false},
		{"date and time", "20.11.2025 15:30", false},
		{"date and hour", "20.11.2025 15", false},
		{"dotted times", "10.30 11.45 28", false},
		{"slashed date and length", "log 20/11/2025 clinical 60", false},
		{"slashed date then length", "20/11/2025 58", false},
		{"dotted date then length", "20.11.2025 90", false},
		{"compact date then length", "20251120 17", false},
		{"compact UK date then length", "20112025 23", false},
		{"month and year then a number", "11/2025 1001", false},
		{"dates both ways", "2025-11-20 20/11/2025 20.11.2025", false},
		{"phone with a failing check", "0191 123 4567", false},
		{"two ISO dates", "2026-12-20 2026-12-27", false},
		{"ISO date and minutes", "2026-11-20 45", false},
		{"part of a dashed date", "943 476 5919-12-20", false},
		{"after a dashed date", "2026-12-943-476-5919", false},
		{"part of a slashed date", "20/943 476 5919", false},
		{"decimal", "943 476 5919.5", false},
		{"three dashes", "943--476--5919", false},
		{"wrong check digit", "9434765918", false},
		{"spaced wrong check digit", "943 476 5918", false},
		{"check of 10", "123 456 7890", false},
		{"inside a longer run", "19434765919", false},
		{"followed by a digit", "94347659190", false},
		{"eleven-digit run", "94347659191", false},
		{"group cut in two", "12943 476 5919", false},
		{"group cut at the end", "943 476 59190", false},
		{"nine digits", "943 476 591", false},
		{"phone number", "0191 123 4567", false},
		{"dotted phone number", "0191.123.4567", false},
		{"mobile", "07700 900123", false},
		{"dotted decimal", "943.476.5919.5", false},
		{"slashed into a date", "943/476/5919/12", false},
		{"lines do not join", "943\n476\n5919", false},
		{"wide gap", "943     476 5919", false},
		{"date", "20/11/2026 group 90 mins", false},
		{"empty", "", false},
		{"no digits", "clinical with sam", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContainsNHSNumber(tt.in); got != tt.want {
				t.Errorf("ContainsNHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzContainsNHSNumber(f *testing.F) {
	for _, s := range []string{"943 476 5919", "943-476-5919", "19434765919", "1 2 3 4 5 6 7 8 9 0", "-\u2013 9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidNHSNumber(s) && !ContainsNHSNumber(s) {
			t.Errorf("ContainsNHSNumber(%q) = false for a valid number", s)
		}
	})
}

// nhsNumber makes a valid NHS number from any nine digits: the first nine
// of seed's, with the last digit moved on until the check is not 10.
func nhsNumber(seed uint32) string {
	for {
		d := []byte(fmt.Sprintf("%09d", seed%1_000_000_000))
		sum := 0
		for i, c := range d {
			sum += int(c-'0') * (10 - i)
		}
		check := (11 - sum%11) % 11
		if check != 10 {
			return string(append(d, byte('0'+check)))
		}
		seed++
	}
}

// nhsShapes are the ways people write an NHS number; each joins the groups
// of ten digits.
var nhsShapes = []func(n string) string{
	func(n string) string { return n },
	func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] },
	func(n string) string { return n[:3] + "-" + n[3:6] + "-" + n[6:] },
	func(n string) string { return n[:3] + "\u00a0" + n[3:6] + "\u00a0" + n[6:] },
	func(n string) string { return n[:3] + "\u2013" + n[3:6] + "\u2013" + n[6:] },
	func(n string) string { return n[:3] + " - " + n[3:6] + " - " + n[6:] },
	func(n string) string { return n[:3] + "  " + n[3:6] + "  " + n[6:] },
	func(n string) string { return n[:3] + " " + n[3:6] + "-" + n[6:] },
	func(n string) string { return n[:3] + "." + n[3:6] + "." + n[6:] },
	func(n string) string { return n[:3] + "/" + n[3:6] + "/" + n[6:] },
	func(n string) string { return n[:3] + " " + n[3:7] + " " + n[7:] },
	func(n string) string { return n[:3] + "." + n[3:6] + " " + n[6:] },
	func(n string) string { return n[:3] + "/" + n[3:6] + "-" + n[6:] },
	func(n string) string { return n[:5] + " " + n[5:] },
	func(n string) string { return n[:2] + "." + n[2:4] + "." + n[4:6] + "." + n[6:8] + "." + n[8:] },
	func(n string) string {
		// Spaced 4-3-3, unless its first group could be a year starting a
		// date's run of lengths ("2019 120 45"): then 3-3-4.
		if n[:2] == "19" || n[:2] == "20" {
			return n[:3] + " " + n[3:6] + " " + n[6:]
		}
		return n[:4] + " " + n[4:7] + " " + n[7:]
	},
}

// nhsLabels are the ways people say the number that follows is an NHS
// number.
var nhsLabels = []string{"nhs number ", "NHS no: ", "nhs# ", "NHS Num ", "NHS number is ", "nhs no.", "Nhs-number = ", "NHS numbers: "}

// nhsEdges are what may stand right next to a number in text: letters,
// brackets, punctuation that is not part of a date, white space.
var nhsEdges = []string{" ", "a", "Z", "é", ":", "(", ")", ",", ";", "#", "!", "?", "\n", "\"", "'", "*", "_", "<", ">", "="}

// FuzzContainsNHSNumberFinds checks one direction of the guard: every valid
// number, in every shape people write one, is found wherever it stands in a
// message, whatever text is around it.
func FuzzContainsNHSNumberFinds(f *testing.F) {
	f.Add(uint32(943476591), uint8(0), "", "", uint8(0), uint8(0))
	f.Add(uint32(123456789), uint8(1), "saw pt", "today", uint8(0), uint8(0))
	f.Add(uint32(401023213), uint8(2), "2026-12-20", "60", uint8(3), uint8(5))
	f.Add(uint32(0), uint8(4), "12", "34", uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint32, shape uint8, before, after string, left, right uint8) {
		n := nhsNumber(seed)
		if !ValidNHSNumber(n) {
			t.Fatalf("nhsNumber(%d) = %q, not valid", seed, n)
		}
		s := before + nhsEdges[int(left)%len(nhsEdges)] + nhsShapes[int(shape)%len(nhsShapes)](n) +
			nhsEdges[int(right)%len(nhsEdges)] + after
		if !ContainsNHSNumber(s) {
			t.Errorf("ContainsNHSNumber(%q) = false, want true: it holds %s", s, n)
		}
	})
}

// FuzzContainsNHSNumberFindsLabelled checks that ten digits labelled as an
// NHS number are found in every shape, whatever their check digit.
func FuzzContainsNHSNumberFindsLabelled(f *testing.F) {
	f.Add(uint64(9434765918), uint8(0), uint8(0), "patient", "today")
	f.Add(uint64(1234567890), uint8(3), uint8(2), "", "60")
	f.Add(uint64(42), uint8(9), uint8(5), "log 2026-11-20", "")
	f.Fuzz(func(t *testing.T, seed uint64, shape, label uint8, before, after string) {
		n := fmt.Sprintf("%010d", seed%10_000_000_000)
		s := before + " " + nhsLabels[int(label)%len(nhsLabels)] + nhsShapes[int(shape)%len(nhsShapes)](n) + " " + after
		if !ContainsNHSNumber(s) {
			t.Errorf("ContainsNHSNumber(%q) = false, want true: it labels %s", s, n)
		}
	})
}

// FuzzContainsNHSNumberDatesAndLengths checks the other direction: text
// made only of dates, lengths and the words between them is never taken for
// an NHS number. Each three bytes of prog make one word.
func FuzzContainsNHSNumberDatesAndLengths(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 1, 7})
	f.Add([]byte{1, 5, 9, 3, 1, 200, 0, 2, 100})
	f.Add([]byte{3, 0, 120, 3, 1, 224, 0, 9, 9})
	layouts := []string{"2006-01-02", "02/01/2006", "2 Jan", "2 Jan 2006", "2/1/06", "Jan 2", "2.1.2006", "2006/01/02", "20060102",
		"02.01.2006 15:04", "02/01/2006 15.04", "15.04", "02012006", "01/2006", "2/1"}
	words := []string{"to", "-", "–", "clinical", "for", "leave", "log", "group", "with", "mins", "h"}
	start := time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 60 {
			prog = prog[:60]
		}
		var b strings.Builder
		for i := 0; i+2 < len(prog); i += 3 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			kind, hi, lo := prog[i], int(prog[i+1]), int(prog[i+2])
			switch kind % 4 {
			case 0, 1: // a date between 2019 and 2030, some with a time
				d := start.AddDate(0, 0, (hi<<8|lo)%4200).Add(time.Duration(lo) * 7 * time.Minute)
				b.WriteString(d.Format(layouts[int(kind/4)%len(layouts)]))
			case 2: // a word
				b.WriteString(words[lo%len(words)])
			case 3: // a length: minutes, or hours and minutes
				m := (hi<<8|lo)%MaxMinutes + 1
				if kind/4%2 == 0 {
					b.WriteString(strconv.Itoa(m))
				} else {
					fmt.Fprintf(&b, "%dh%02d", m/60, m%60)
				}
			}
		}
		if s := b.String(); ContainsNHSNumber(s) {
			t.Errorf("ContainsNHSNumber(%q) = true, want false: only dates and lengths", s)
		}
	})
}

// BenchmarkContainsNHSNumber reads a 200-character message with no number
// in it, as the channel guard will for every message, and one with a date
// range and lengths.
func BenchmarkContainsNHSNumber(b *testing.B) {
	for _, bm := range []struct{ name, text string }{
		{"words", strings.Repeat("Has anyone got a good leaflet on social prescribing for carers? ", 4)[:200]},
		{"dates", strings.Repeat("leave 2026-12-20 2026-12-27, log 20/11/2026 group 90 mins; ", 4)[:200]},
		{"number at end", strings.Repeat("x", 188) + "943 476 5919"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ContainsNHSNumber(bm.text)
			}
		})
	}
}
