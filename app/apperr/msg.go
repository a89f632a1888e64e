package apperr

import (
	"errors"
	"sort"
	"strings"
	"text/template"
)

// Msg is a sentence for the seller as a translation key and its values. The key is the Korean sentence
// itself, with {{.Name}} where a value goes ("상품 {{.Code}}: 판매가는 0보다 커야 합니다"), so the Korean text
// needs no table of its own and the English one (assets/translations/en.json) is looked up by it. Nothing
// below views imports Fyne's lang: views translate with lang.L(key, args), the headless commands with the
// same JSON through a Translator.
type Msg struct {
	Key  string
	Args map[string]any
}

// M builds a Msg; args are name/value pairs ("Code", "P0123").
func M(key string, args ...any) Msg {
	m := Msg{Key: key}
	if len(args) > 1 {
		m.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			if name, ok := args[i].(string); ok {
				m.Args[name] = args[i+1]
			}
		}
	}
	return m
}

// Text renders m in the language t speaks, a value that is itself a Msg translated first.
func (m Msg) Text(t Translator) string { return translate(t, m) }

// Translator renders a key with its values in the seller's language.
type Translator func(key string, args map[string]any) string

// Korean renders the key itself: the Korean sentence with its values filled in.
func Korean(key string, args map[string]any) string { return Render(key, args) }

// Render fills a {{.Name}} template with args. Without args the text is returned as it is (a ready sentence
// may quote the seller's own text, which is never run as a template); a key that does not parse as a
// template is shown as written rather than lost.
func Render(text string, args map[string]any) string {
	if args == nil || !strings.Contains(text, "{{") {
		return text
	}
	t, err := template.New("").Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, args); err != nil {
		return text
	}
	return b.String()
}

// New is an error with a code and a sentence key with its values; args as for M.
func New(code Code, key string, args ...any) *Error {
	m := M(key, args...)
	return &Error{Code: code, Key: m.Key, Args: m.Args}
}

// About puts what an error is about in front of it ("상품 {{.Code}}" before "판매가는 0보다 커야 합니다"), so
// a batch or an import that fails on one item still says which, in every language. An *Error keeps its code;
// anything else becomes an ErrInternal whose technical cause stays for the log. nil stays nil.
func About(err error, key string, args ...any) error {
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(err, &e) {
		return &Error{Code: ErrInternal, Err: err, About: []Msg{M(key, args...)}}
	}
	c := *e
	c.About = append([]Msg{M(key, args...)}, e.About...)
	c.Err = err
	return &c
}

// Text is the sentence to show the seller for err in the language t speaks: what it is about, then the
// error's own sentence (for an invalid input without one of its own, each field's message on its line). A
// non-*Error, or one that is a data error speaking Korean itself, reads as Message.
func Text(err error, t Translator) string {
	var e *Error
	if !errors.As(err, &e) {
		return t(Message(err), nil)
	}
	parts := make([]string, 0, len(e.About)+1)
	for _, a := range e.About {
		parts = append(parts, translate(t, a))
	}
	switch {
	case e.Key != "":
		parts = append(parts, translate(t, Msg{Key: e.Key, Args: e.Args}))
	case len(e.FieldMsgs) > 0:
		lines := make([]string, 0, len(e.FieldMsgs))
		for _, f := range e.fieldOrder() {
			lines = append(lines, translate(t, e.FieldMsgs[f]))
		}
		parts = append(parts, strings.Join(lines, "\n"))
	case e.Message != "":
		parts = append(parts, t(e.Message, nil))
	default:
		parts = append(parts, t(internalMessage, nil))
	}
	return strings.Join(parts, ": ")
}

// FieldText is the message for one field of an invalid input in the language t speaks, "" when the field
// has none. An older error with only Korean Fields has them looked up as keys.
func FieldText(err error, field string, t Translator) string {
	var e *Error
	if !errors.As(err, &e) {
		return ""
	}
	if m, ok := e.FieldMsgs[field]; ok {
		return translate(t, m)
	}
	if m, ok := e.Fields[field]; ok && m != "" {
		return t(m, nil)
	}
	return ""
}

// FieldTexts is every field message of err (see FieldText), keyed by field; nil when it has none.
func FieldTexts(err error, t Translator) map[string]string {
	var e *Error
	if !errors.As(err, &e) || len(e.Fields)+len(e.FieldMsgs) == 0 {
		return nil
	}
	out := make(map[string]string, len(e.Fields))
	for f := range e.Fields {
		out[f] = FieldText(e, f, t)
	}
	for f := range e.FieldMsgs {
		out[f] = FieldText(e, f, t)
	}
	return out
}

// fieldOrder lists FieldMsgs' fields as InvalidMsg ordered them, or by name for an Error built by hand.
func (e *Error) fieldOrder() []string {
	if len(e.order) == len(e.FieldMsgs) {
		return e.order
	}
	names := make([]string, 0, len(e.FieldMsgs))
	for f := range e.FieldMsgs {
		names = append(names, f)
	}
	sort.Strings(names)
	return names
}

// translate renders m through t. A value that is itself a Msg (a status label such as "발주완료" inside
// "현재 {{.Status}}") is translated first, so the whole sentence speaks one language; the error's own
// values are copied, never written.
func translate(t Translator, m Msg) string {
	if len(m.Args) == 0 {
		return t(m.Key, nil)
	}
	args := m.Args
	copied := false
	for name, v := range m.Args {
		inner, ok := v.(Msg)
		if !ok {
			continue
		}
		if !copied {
			args = make(map[string]any, len(m.Args))
			for k, v := range m.Args {
				args[k] = v
			}
			copied = true
		}
		args[name] = translate(t, inner)
	}
	return t(m.Key, args)
}
