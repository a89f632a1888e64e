package apperr

import (
	"errors"
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
// error's own sentence. A non-*Error, or one that is a data error speaking Korean itself, reads as Message.
func Text(err error, t Translator) string {
	var e *Error
	if !errors.As(err, &e) {
		return t(Message(err), nil)
	}
	parts := make([]string, 0, len(e.About)+1)
	for _, a := range e.About {
		parts = append(parts, t(a.Key, a.Args))
	}
	switch {
	case e.Key != "":
		parts = append(parts, t(e.Key, e.Args))
	case e.Message != "":
		parts = append(parts, t(e.Message, nil))
	default:
		parts = append(parts, t(internalMessage, nil))
	}
	return strings.Join(parts, ": ")
}
