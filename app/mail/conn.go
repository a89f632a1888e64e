package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"sellerdesk/app/apperr"
)

// Conn holds what connecting to the seller's servers needs: the account, its password and the TLS setup.
type Conn struct {
	Account  Account
	Password string
	// TLS, when set, is used for SSL and STARTTLS instead of the system's roots (tests trust their own
	// certificate this way); ServerName is filled in.
	TLS     *tls.Config
	Timeout time.Duration
}

func (c Conn) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return 30 * time.Second
}

func (c Conn) tlsFor(host string) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.TLS != nil {
		cfg = c.TLS.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	return cfg
}

func (c Conn) dial(ctx context.Context, host string, port int) (net.Conn, error) {
	d := net.Dialer{Timeout: c.timeout()}
	return d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
}

// Which server an error came from, for its explanation.
const (
	protoSMTP = "SMTP"
	protoIMAP = "IMAP"
)

// SMTP connects and logs in to the sending server.
func (c Conn) SMTP(ctx context.Context) (*smtp.Client, error) {
	a := c.Account
	raw, err := c.dial(ctx, a.SMTPHost, a.SMTPPort)
	if err != nil {
		return nil, Explain(err, protoSMTP, a.SMTPHost, a.SMTPPort)
	}
	// the whole login is bounded: a server that stops answering is hung up on, not waited for
	lctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	stop := context.AfterFunc(lctx, func() { raw.Close() })
	defer stop()
	var cl *smtp.Client
	switch a.SMTPSecurity {
	case SSL:
		tc := tls.Client(raw, c.tlsFor(a.SMTPHost))
		if err = tc.HandshakeContext(ctx); err == nil {
			cl = smtp.NewClient(tc)
		}
	case StartTLS:
		cl, err = smtp.NewClientStartTLS(raw, c.tlsFor(a.SMTPHost))
	default:
		cl = smtp.NewClient(raw)
	}
	if err != nil {
		raw.Close()
		return nil, Explain(err, protoSMTP, a.SMTPHost, a.SMTPPort)
	}
	cl.CommandTimeout, cl.SubmissionTimeout = c.timeout(), 2*c.timeout()
	if err := cl.Hello("localhost"); err != nil {
		cl.Close()
		return nil, Explain(err, protoSMTP, a.SMTPHost, a.SMTPPort)
	}
	if ok, _ := cl.Extension("AUTH"); ok {
		if err := cl.Auth(sasl.NewPlainClient("", c.user(), c.Password)); err != nil {
			cl.Close()
			return nil, Explain(err, protoSMTP, a.SMTPHost, a.SMTPPort)
		}
	}
	if !stop() {
		cl.Close()
		return nil, Explain(context.DeadlineExceeded, protoSMTP, a.SMTPHost, a.SMTPPort)
	}
	return cl, nil
}

func (c Conn) user() string {
	if c.Account.Username != "" {
		return c.Account.Username
	}
	return c.Account.Address
}

// IMAP connects and logs in to the receiving server. handler, when set, hears the server's unilateral
// updates (new mail while idling).
func (c Conn) IMAP(ctx context.Context, handler *imapclient.UnilateralDataHandler) (*imapclient.Client, error) {
	a := c.Account
	raw, err := c.dial(ctx, a.IMAPHost, a.IMAPPort)
	if err != nil {
		return nil, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	lctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	stop := context.AfterFunc(lctx, func() { raw.Close() })
	defer stop()
	opts := &imapclient.Options{UnilateralDataHandler: handler, TLSConfig: c.tlsFor(a.IMAPHost)}
	var cl *imapclient.Client
	switch a.IMAPSecurity {
	case SSL:
		tc := tls.Client(raw, c.tlsFor(a.IMAPHost))
		if err = tc.HandshakeContext(ctx); err == nil {
			cl = imapclient.New(tc, opts)
		}
	case StartTLS:
		cl, err = imapclient.NewStartTLS(raw, opts)
	default:
		cl = imapclient.New(raw, opts)
	}
	if err != nil {
		raw.Close()
		return nil, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	if err := cl.WaitGreeting(); err != nil {
		cl.Close()
		return nil, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	if err := cl.Login(c.user(), c.Password).Wait(); err != nil {
		cl.Close()
		return nil, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	if !stop() {
		cl.Close()
		return nil, Explain(context.DeadlineExceeded, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	return cl, nil
}

// Test checks both servers: log in to SMTP and IMAP, and see that INBOX and the Sent folder open. It
// returns the first problem, explained in the seller's words.
func (c Conn) Test(ctx context.Context) error {
	s, err := c.SMTP(ctx)
	if err != nil {
		return err
	}
	s.Quit()
	im, err := c.IMAP(ctx, nil)
	if err != nil {
		return err
	}
	defer im.Close()
	if _, err := im.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return Explain(err, protoIMAP, c.Account.IMAPHost, c.Account.IMAPPort)
	}
	if c.Account.SentFolder != "" {
		if _, err := im.Status(c.Account.SentFolder, &imap.StatusOptions{NumMessages: true}).Wait(); err != nil {
			return apperr.New(apperr.ErrInvalid, "보낸메일함 '{{.Folder}}'을(를) 찾을 수 없습니다. 메일 설정의 보낸메일함 이름을 확인하세요.",
				"Folder", c.Account.SentFolder)
		}
	}
	im.Logout().Wait()
	return nil
}

// The kinds of connection failure the seller is told apart.
var (
	ErrAuth        = errors.New("mail: login refused")
	ErrAppPassword = errors.New("mail: app password needed")
	ErrIMAPOff     = errors.New("mail: IMAP is switched off")
	ErrTLS         = errors.New("mail: TLS failed")
	ErrOffline     = errors.New("mail: server unreachable")
	ErrDropped     = errors.New("mail: connection dropped")
)

// Explain turns a connection or protocol error into a sentence for the seller, keeping the cause for the
// log; errors.Is tells its kind (ErrAuth, ErrOffline …). An *apperr.Error passes through.
func Explain(err error, proto, host string, port int) error {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	low := strings.ToLower(err.Error())
	kind, key := ErrDropped, "{{.Proto}} 서버({{.Host}})와의 연결이 끊겼습니다. 보낼 메일은 보관함에 그대로 있으며 다음에 다시 보냅니다."
	var smtpErr *smtp.SMTPError
	var imapErr *imap.Error
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var certErr *tls.CertificateVerificationError
	var recErr tls.RecordHeaderError
	switch {
	case strings.Contains(low, "application-specific") || strings.Contains(low, "app password") ||
		strings.Contains(low, "apppassword") || strings.Contains(low, "2-step") || strings.Contains(low, "web login required"):
		kind, key = ErrAppPassword, "{{.Proto}} 서버가 일반 비밀번호를 받지 않습니다. 2단계 인증을 쓰는 계정은 앱 비밀번호를 만들어 입력해야 합니다."
	case strings.Contains(low, "imap") && (strings.Contains(low, "disabled") || strings.Contains(low, "not enabled") ||
		strings.Contains(low, "enable")):
		kind, key = ErrIMAPOff, "IMAP 사용이 꺼져 있습니다. 웹메일 환경설정에서 IMAP/SMTP 사용을 켜세요."
	case errors.As(err, &smtpErr) && (smtpErr.Code == 535 || smtpErr.Code == 534 || smtpErr.Code == 530):
		kind, key = ErrAuth, "{{.Proto}} 서버가 아이디나 비밀번호를 받아들이지 않았습니다. 아이디와 비밀번호를 확인하세요. 2단계 인증을 쓰면 앱 비밀번호가 필요합니다."
	case errors.As(err, &imapErr) && (imapErr.Code == imap.ResponseCodeAuthenticationFailed ||
		imapErr.Code == imap.ResponseCodeAuthorizationFailed || strings.Contains(low, "login") || strings.Contains(low, "auth")):
		kind, key = ErrAuth, "{{.Proto}} 서버가 아이디나 비밀번호를 받아들이지 않았습니다. 아이디와 비밀번호를 확인하세요. 2단계 인증을 쓰면 앱 비밀번호가 필요합니다."
	case errors.As(err, &certErr) || errors.As(err, &recErr) || strings.Contains(low, "tls") ||
		strings.Contains(low, "x509") || strings.Contains(low, "certificate") || strings.Contains(low, "handshake"):
		kind, key = ErrTLS, "{{.Proto}} 서버({{.Host}}:{{.Port}})와 보안 연결을 맺지 못했습니다. 보안 방식(SSL/STARTTLS)과 포트가 서버 안내와 같은지 확인하세요."
	case errors.As(err, &dnsErr):
		kind, key = ErrOffline, "{{.Proto}} 서버 주소 {{.Host}}을(를) 찾을 수 없습니다. 인터넷 연결과 서버 주소를 확인하세요."
	case errors.As(err, &opErr) && opErr.Op == "dial", strings.Contains(low, "connection refused"),
		strings.Contains(low, "i/o timeout"), errors.Is(err, context.DeadlineExceeded), strings.Contains(low, "no route"), strings.Contains(low, "network is unreachable"):
		kind, key = ErrOffline, "{{.Proto}} 서버({{.Host}}:{{.Port}})에 연결할 수 없습니다. 인터넷 연결과 서버 주소·포트를 확인하세요. 보낼 메일은 보관함에 그대로 있습니다."
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		strings.Contains(low, "connection reset"), strings.Contains(low, "broken pipe"), strings.Contains(low, "closed"):
		// ErrDropped, as set above
	}
	e := apperr.New(apperr.ErrConflict, key, "Proto", proto, "Host", host, "Port", port)
	e.Err = fmt.Errorf("%w: %w", kind, err)
	return e
}
