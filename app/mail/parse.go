package mail

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	"golang.org/x/net/html"
)

// Parsed is an incoming message as SellerDesk keeps it.
type Parsed struct {
	MessageID, InReplyTo string
	References           []string
	FromName, FromAddr   string
	ToAddr               string
	Subject              string
	Date                 time.Time
	Text                 string // the text part, or the HTML part as text when there is no text part
	HTML                 string
}

// Parse reads a raw message: headers and bodies in any charset go-message knows or this package adds
// (UTF-8, EUC-KR, ks_c_5601-1987, ISO-2022-KR), HTML-only mail turned into text.
func Parse(raw []byte) (Parsed, error) {
	var p Parsed
	r, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
		return p, err
	}
	h := r.Header
	p.MessageID = headerID(h.Get("Message-Id"))
	p.InReplyTo = headerID(h.Get("In-Reply-To"))
	if refs, err := h.MsgIDList("References"); err == nil {
		for _, id := range refs {
			p.References = append(p.References, "<"+id+">")
		}
	}
	if from, err := h.AddressList("From"); err == nil && len(from) > 0 {
		p.FromName, p.FromAddr = from[0].Name, strings.ToLower(from[0].Address)
	}
	if to, err := h.AddressList("To"); err == nil && len(to) > 0 {
		p.ToAddr = strings.ToLower(to[0].Address)
	}
	p.Subject, _ = h.Subject()
	p.Date, _ = h.Date()
	var text, htmlText []string
	for {
		part, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !message.IsUnknownCharset(err) {
			if len(text) > 0 || len(htmlText) > 0 {
				break
			}
			return p, err
		}
		if part == nil {
			break
		}
		ih, ok := part.Header.(*gomail.InlineHeader)
		if !ok {
			continue // an attachment
		}
		ct, _, _ := ih.ContentType()
		body, _ := io.ReadAll(part.Body)
		switch ct {
		case "text/plain", "":
			text = append(text, string(body))
		case "text/html":
			htmlText = append(htmlText, string(body))
		}
	}
	p.HTML = strings.Join(htmlText, "\n")
	p.Text = strings.Join(text, "\n")
	if strings.TrimSpace(p.Text) == "" && p.HTML != "" {
		p.Text = HTMLToText(p.HTML)
	}
	p.Text = strings.ReplaceAll(p.Text, "\r\n", "\n")
	return p, nil
}

func headerID(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if i := strings.Index(v, "<"); i >= 0 {
		if j := strings.Index(v[i:], ">"); j > 0 {
			return v[i : i+j+1]
		}
	}
	return "<" + strings.Trim(v, "<>") + ">"
}

// HTMLToText keeps an HTML body's words: block elements and <br> become line breaks, scripts and styles
// are dropped, entities decoded.
func HTMLToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(spaces.ReplaceAllString(string(z.Text()), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				skip++
			case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote":
				b.WriteString("\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				if skip > 0 {
					skip--
				}
			case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote":
				b.WriteString("\n")
			}
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

func tidyLines(s string) string {
	var out []string
	blank := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// quoteStart finds where a reply's quoted part begins: a line of a mail client's header for the quote
// ("-----Original Message-----", "On … wrote:", "… 작성:", "보낸 사람:", "From:") or the first ">" line.
var quoteStart = regexp.MustCompile(`(?m)^(\s*-{2,}\s*(Original Message|원본 메시지|Forwarded message)|\s*On .+wrote:\s*$|.*\d{4}.*작성\S*:?\s*$|\s*(보낸 사람|From)\s*:|\s*>)`)

// OwnText is the part of a reply its sender wrote: the text before the quoted message.
func OwnText(body string) string {
	if loc := quoteStart.FindStringIndex(body); loc != nil {
		return body[:loc[0]]
	}
	return body
}

var replyPrefix = regexp.MustCompile(`(?i)^\s*((re|fw|fwd|답장|회신|전달)\s*:\s*)+`)

// BaseSubject is a subject without its Re:/Fwd:/회신: prefixes, for threading and matching.
func BaseSubject(s string) string { return strings.TrimSpace(replyPrefix.ReplaceAllString(s, "")) }

// Unsubscribes reports whether a message asks to stop advertising mail: its subject (without reply
// prefixes) or its own text (not the quoted ad with our footer) says 수신거부 or unsubscribe.
func Unsubscribes(subject, body string) bool {
	has := func(s string) bool {
		s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
		return strings.Contains(s, "수신거부") || strings.Contains(s, "unsubscribe") || strings.Contains(s, "수신거절")
	}
	return has(BaseSubject(subject)) || has(OwnText(body))
}
