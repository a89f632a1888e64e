package format

import (
	"strings"
	"unicode"
)

// Korean particles (조사) after a word whose ending is only known at run time: a product name, a file kind,
// a count. Write the particle by its form after a final consonant (을, 이, 은, 과, 으로, 아) — or the pair
// "을/를", or "을(를)" — and Particle picks the form the word takes:
//
//	format.Particle("상품", "을")   // "을"      상품을
//	format.Particle("PDF", "을")    // "를"      PDF를 (에프)
//	format.Particle("3", "을")      // "을"      3을 (삼)
//	format.Particle("2", "을")      // "를"      2를 (이)
//	format.Particle("서울", "으로") // "로"      서울로 (ㄹ takes 로)
//	format.WithParticle("엑셀", "으로") // "엑셀로"
//
// In a translated sentence pass the particle as its own argument, so the English text simply leaves it out:
// lang.L("{{.Name}}{{.Eul}} 삭제했습니다.", map[string]any{"Name": n, "Eul": format.Particle(n, "을")}).
//
// The word's last sound decides: a Hangul syllable by its final consonant; digits as read in Sino-Korean
// (1 일, 2 이, 3 삼 … 10 십, 100 백, 1000 천, 10000 만); capital and single Latin letters by their Korean
// names (F 에프, L 엘, M 엠, R 알), as are lower-case letters with no vowel (db 디비, xlsx); a lower-case English word by its usual Korean spelling (…l 엘/셀 → ㄹ,
// …m ㅁ, …n ㄴ, …ng ㅇ, …p/b ㅂ, …k ㄱ; other endings have no final). Closing quotes, brackets, spaces
// and punctuation after the word are skipped.

// pairs lists each particle as (after a final consonant, after a vowel).
var pairs = [][2]string{
	{"을", "를"}, {"이", "가"}, {"은", "는"}, {"과", "와"}, {"으로", "로"}, {"아", "야"}, {"이나", "나"}, {"이라", "라"},
}

// ending is a word's last sound: whether it has a final consonant and whether that final is ㄹ.
type ending struct{ final, rieul bool }

// Particle returns the form of particle p that follows word (see the package notes above).
func Particle(word, p string) string {
	pair, ok := findPair(p)
	if !ok {
		return p
	}
	e := lastSound(word)
	if pair[0] == "으로" {
		if e.final && !e.rieul {
			return "으로"
		}
		return "로"
	}
	if e.final {
		return pair[0]
	}
	return pair[1]
}

// WithParticle returns word followed by the right form of p: WithParticle("PDF", "을") is "PDF를".
func WithParticle(word, p string) string { return word + Particle(word, p) }

func findPair(p string) ([2]string, bool) {
	p = strings.TrimSpace(p)
	// "을/를", "을(를)", "(을)를": the first Hangul run names the pair
	cut := strings.IndexFunc(p, func(r rune) bool { return r == '/' || r == '(' || r == ')' })
	first := p
	if cut == 0 {
		first = strings.TrimLeft(p, "()/")
		if i := strings.IndexFunc(first, func(r rune) bool { return r == '/' || r == '(' || r == ')' }); i >= 0 {
			first = first[:i]
		}
	} else if cut > 0 {
		first = p[:cut]
	}
	if first == "(으)로" || first == "으" {
		first = "으로"
	}
	for _, pair := range pairs {
		if first == pair[0] || first == pair[1] {
			return pair, true
		}
	}
	return [2]string{}, false
}

// lastSound reads how word ends aloud.
func lastSound(word string) ending {
	runes := []rune(strings.TrimRightFunc(word, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}))
	if len(runes) == 0 {
		return ending{}
	}
	last := runes[len(runes)-1]
	switch {
	case last >= 0xAC00 && last <= 0xD7A3:
		f := (last - 0xAC00) % 28
		return ending{final: f != 0, rieul: f == 8}
	case last >= '0' && last <= '9':
		return numberSound(runes)
	case last < 128 && unicode.IsLetter(last):
		return latinSound(runes)
	}
	return ending{}
}

// digitSounds is how each digit ends in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
var digitSounds = [10]ending{
	{final: true}, {final: true, rieul: true}, {}, {final: true}, {}, {}, {final: true},
	{final: true, rieul: true}, {final: true, rieul: true}, {},
}

// numberSound reads a number ending runes: its last non-zero digit, or the power of ten its trailing zeros
// make (10 십, 100 백, 1000 천, 10⁴… 만, 10⁸… 억, 10¹²… 조). Separators (1,000) are skipped.
func numberSound(runes []rune) ending {
	zeros, sawNonZero := 0, false
	for i := len(runes) - 1; i >= 0; i-- {
		r := runes[i]
		if r == ',' || r == '_' {
			continue
		}
		if r < '0' || r > '9' {
			break
		}
		if r != '0' {
			if zeros == 0 {
				return digitSounds[r-'0']
			}
			sawNonZero = true
			break
		}
		zeros++
	}
	if !sawNonZero {
		return digitSounds[0] // 0, 00: 영
	}
	switch {
	case zeros == 1: // 십
		return ending{final: true}
	case zeros == 2: // 백
		return ending{final: true}
	case zeros == 3: // 천
		return ending{final: true}
	case zeros < 8: // 만
		return ending{final: true}
	case zeros < 12: // 억
		return ending{final: true}
	}
	return ending{} // 조
}

// letterSounds is how the Korean name of each Latin letter ends: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이
// 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트(지).
var letterSounds = map[rune]ending{
	'L': {final: true, rieul: true}, 'M': {final: true}, 'N': {final: true}, 'R': {final: true, rieul: true},
}

// latinSound reads Latin letters: an acronym or a single letter by the letters' Korean names (PDF 피디에프,
// URL 유알엘), a lower-case word by how its usual Korean spelling ends.
func latinSound(runes []rune) ending {
	start := len(runes)
	for start > 0 && runes[start-1] < 128 && unicode.IsLetter(runes[start-1]) {
		start--
	}
	word := string(runes[start:])
	last := runes[len(runes)-1]
	lower := strings.ToLower(word)
	if unicode.IsUpper(last) || len(word) == 1 || !strings.ContainsAny(lower, "aeiouy") {
		// an acronym, a single letter, or a word with no vowel to say it by (db, pdf, xlsx): its letters
		return letterSounds[unicode.ToUpper(last)]
	}
	switch {
	case strings.HasSuffix(lower, "ng"): // 링
		return ending{final: true}
	case strings.HasSuffix(lower, "l"): // 엑셀, 이메일
		return ending{final: true, rieul: true}
	case strings.HasSuffix(lower, "m"), strings.HasSuffix(lower, "n"), strings.HasSuffix(lower, "p"),
		strings.HasSuffix(lower, "b"), strings.HasSuffix(lower, "k"): // 폼, 앱, 웹, 북
		return ending{final: true}
	}
	return ending{} // 스토어, 시트, 오피스
}

// bothForms are the ways a sentence writes a particle when it does not know the word before it.
var bothForms = []struct{ text, particle string }{
	{"을(를)", "을"}, {"를(을)", "을"}, {"이(가)", "이"}, {"가(이)", "이"}, {"은(는)", "은"}, {"는(은)", "은"},
	{"과(와)", "과"}, {"와(과)", "과"}, {"(으)로", "으로"}, {"(이)나", "이나"}, {"(이)라", "이라"},
}

// FixParticles replaces each particle written both ways ("을(를)", "이(가)", "(으)로" …) in a finished
// sentence by the one form the text before it takes: FixParticles("'주문.xlsx'은(는) 열 수 없습니다") is
// "'주문.xlsx'는 열 수 없습니다". Sentences whose word is only known at run time (a file or product name in
// a translated message) are made right this way once the values are filled in.
func FixParticles(s string) string {
	if !strings.ContainsAny(s, "()") {
		return s
	}
	for {
		at, form := -1, ""
		for _, f := range bothForms {
			if i := strings.Index(s, f.text); i >= 0 && (at < 0 || i < at) {
				at, form = i, f.text
			}
		}
		if at < 0 {
			return s
		}
		var p string
		for _, f := range bothForms {
			if f.text == form {
				p = Particle(s[:at], f.particle)
			}
		}
		s = s[:at] + p + s[at+len(form):]
	}
}
