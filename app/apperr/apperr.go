// Package apperr is the error type every service returns to the views: a code and a Korean sentence for
// the seller, with per-field messages for invalid input and the technical cause kept for the log.
package apperr

import (
	"errors"
	"sort"
	"strings"
)

// Code classifies an error the seller may see.
type Code string

// The error codes views distinguish.
const (
	ErrInvalid  Code = "invalid"   // the seller's input breaks a rule; fix and try again
	ErrNotFound Code = "not_found" // the thing asked for does not exist
	ErrConflict Code = "conflict"  // the action clashes with the current state
	ErrInternal Code = "internal"  // an unexpected fault; details are in the log
)

// Error is an error with a code and a sentence meant for the seller. The sentence is either Key with Args (a
// translation key, see Msg) or, in older code, a ready Korean Message; Text translates either.
type Error struct {
	Code    Code
	Key     string            // translation key: the Korean sentence with {{.Name}} fields
	Args    map[string]any    // the values of Key's fields
	Message string            // a ready Korean sentence, when Key is empty
	About   []Msg             // what the error is about, outermost first ("상품 {{.Code}}"); see About
	Fields  map[string]string // per-field messages for ErrInvalid in Korean, keyed by field name
	// FieldMsgs are the per-field messages as keys with values, for FieldText; Fields holds them rendered
	// in Korean for older callers.
	FieldMsgs map[string]Msg
	Err       error // the underlying cause, for the log

	order []string // the order FieldMsgs are listed in by Text
}

// Error is the Korean sentence, with what it is about in front.
func (e *Error) Error() string { return Text(e, Korean) }
func (e *Error) Unwrap() error { return e.Err }

// Invalid builds an ErrInvalid error from per-field messages, listing them in field order. Each message is
// a translation key without values; InvalidMsg takes messages with values.
func Invalid(fields map[string]string, order []string) *Error {
	msgs := make(map[string]Msg, len(fields))
	for f, m := range fields {
		msgs[f] = Msg{Key: m}
	}
	return InvalidMsg(msgs, order)
}

// InvalidMsg builds an ErrInvalid error from per-field messages with values ("상품명은 {{.Max}}자 이내로
// 입력하세요"), listed in field order and then the remaining fields by name.
func InvalidMsg(fields map[string]Msg, order []string) *Error {
	var listed []string
	seen := map[string]bool{}
	for _, f := range order {
		if _, ok := fields[f]; ok && !seen[f] {
			listed = append(listed, f)
			seen[f] = true
		}
	}
	var rest []string
	for f := range fields {
		if !seen[f] {
			rest = append(rest, f)
		}
	}
	sort.Strings(rest)
	listed = append(listed, rest...)
	e := &Error{Code: ErrInvalid, Fields: make(map[string]string, len(fields)), FieldMsgs: fields, order: listed}
	lines := make([]string, 0, len(listed))
	for _, f := range listed {
		m := fields[f]
		e.Fields[f] = translate(Korean, m)
		lines = append(lines, e.Fields[f])
	}
	e.Message = strings.Join(lines, "\n")
	return e
}

// ErrorCode returns the code of an *Error in err's chain, or ErrInternal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ErrInternal
}

// Message is the sentence to show the seller for err: the message of an *Error, or of a data.OpenError /
// MigrationError (which already speak Korean), else a general apology; the details belong in the log.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	var k interface {
		error
		KoreanMessage() bool
	}
	if errors.As(err, &k) {
		return k.Error()
	}
	return internalMessage
}

// internalMessage is said for a fault whose cause is not known to the seller's words.
const internalMessage = "예기치 못한 오류가 발생했습니다. 자세한 내용은 데이터 폴더의 로그 파일(sellerdesk.log)에 기록했습니다."
