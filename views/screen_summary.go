package views

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"sellerdesk/app/format"
)

// shownNumbers is how many order or return numbers a message lists before it says how many more.
const shownNumbers = 5

// someNumbers lists the first few numbers and says how many more there are: "A, B, C, D, E 외 94건". A
// message that named all 99 would push its buttons off the window.
func someNumbers(numbers []string) string {
	if len(numbers) <= shownNumbers {
		return strings.Join(numbers, ", ")
	}
	return lang.L("{{.List}} 외 {{.N}}건", map[string]any{"List": strings.Join(numbers[:shownNumbers], ", "),
		"N": format.Number(int64(len(numbers) - shownNumbers))})
}

// refusal is one line a batch action did not process, with why in the seller's language.
type refusal struct{ number, why string }

// groupRefusals says why lines were not processed once per reason, with how many and which: the same
// sentence repeated for each of 40 orders reads as noise.
//
//	배송중 상태라 발주확인할 수 없습니다 (3건: A, B, C)
func groupRefusals(rs []refusal) string {
	var order []string
	byWhy := map[string][]string{}
	for _, r := range rs {
		if _, seen := byWhy[r.why]; !seen {
			order = append(order, r.why)
		}
		byWhy[r.why] = append(byWhy[r.why], r.number)
	}
	lines := make([]string, 0, len(order))
	for _, why := range order {
		nos := byWhy[why]
		lines = append(lines, "• "+lang.L("{{.Why}} ({{.N}}건: {{.List}})", map[string]any{"Why": why,
			"N": format.Number(int64(len(nos))), "List": someNumbers(nos)}))
	}
	return strings.Join(lines, "\n")
}
