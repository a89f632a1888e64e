package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// Outgoing is a message to build: plain text with an HTML alternative, in UTF-8.
type Outgoing struct {
	FromName, FromAddr string
	ToName, ToAddr     string
	Subject            string
	Text               string
	HTML               string // "" builds it from Text
	MessageID          string // "<…@…>"; NewMessageID makes one
	InReplyTo          string
	References         []string
	ListUnsubscribe    string // a mailto: URL, for advertising mail
	Date               time.Time
}

// NewMessageID makes a unique Message-ID in the sender's domain, with its angle brackets.
func NewMessageID(from string, at time.Time) string {
	b := make([]byte, 10)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on the systems SellerDesk runs on
	}
	domain := "sellerdesk.local"
	if i := strings.LastIndex(from, "@"); i >= 0 && i < len(from)-1 {
		domain = from[i+1:]
	}
	return fmt.Sprintf("<sd.%s.%s@%s>", at.UTC().Format("20060102150405"), hex.EncodeToString(b), domain)
}

// TextToHTML writes plain text as simple HTML: escaped, paragraphs kept, links clickable.
func TextToHTML(text string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.6">`)
	for _, line := range strings.Split(text, "\n") {
		esc := html.EscapeString(line)
		for _, w := range strings.Fields(line) {
			if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "mailto:") {
				e := html.EscapeString(w)
				esc = strings.Replace(esc, e, `<a href="`+e+`">`+e+`</a>`, 1)
			}
		}
		b.WriteString(esc)
		b.WriteString("<br>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// Build writes the message as MIME: multipart/alternative of text/plain and text/html, both UTF-8 in
// base64, Korean display names and subject encoded (RFC 2047).
func Build(o Outgoing) ([]byte, error) {
	var h gomail.Header
	h.SetDate(o.Date)
	h.SetAddressList("From", []*gomail.Address{{Name: o.FromName, Address: o.FromAddr}})
	h.SetAddressList("To", []*gomail.Address{{Name: o.ToName, Address: o.ToAddr}})
	h.SetSubject(o.Subject)
	h.SetMessageID(strings.Trim(o.MessageID, "<>"))
	if o.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{strings.Trim(o.InReplyTo, "<>")})
	}
	if len(o.References) > 0 {
		refs := make([]string, len(o.References))
		for i, r := range o.References {
			refs[i] = strings.Trim(r, "<>")
		}
		h.SetMsgIDList("References", refs)
	}
	if o.ListUnsubscribe != "" {
		h.Set("List-Unsubscribe", "<"+o.ListUnsubscribe+">")
	}
	h.Set("X-Mailer", "SellerDesk")
	htmlPart := o.HTML
	if htmlPart == "" {
		htmlPart = TextToHTML(o.Text)
	}
	var buf bytes.Buffer
	w, err := gomail.CreateInlineWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("mail: build: %w", err)
	}
	for _, p := range []struct{ ctype, body string }{{"text/plain", o.Text}, {"text/html", htmlPart}} {
		var ph gomail.InlineHeader
		ph.SetContentType(p.ctype, map[string]string{"charset": "utf-8"})
		ph.Set("Content-Transfer-Encoding", "base64")
		pw, err := w.CreatePart(ph)
		if err != nil {
			return nil, fmt.Errorf("mail: build: %w", err)
		}
		if _, err := pw.Write([]byte(p.body)); err != nil {
			return nil, fmt.Errorf("mail: build: %w", err)
		}
		if err := pw.Close(); err != nil {
			return nil, fmt.Errorf("mail: build: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("mail: build: %w", err)
	}
	return buf.Bytes(), nil
}
