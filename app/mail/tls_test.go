package mail

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
)

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// TestSSLAndTLSFailure: mail goes over implicit TLS (SSL) to a server the client trusts; a server it does
// not trust, or a plain server asked for SSL, is explained as a TLS problem in Korean and the queue stays.
func TestSSLAndTLSFailure(t *testing.T) {
	srv := startServers(t)
	cert, pool := selfSigned(t)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	go srv.SMTP.Serve(ln)
	st, _ := openStore(t)
	ids := queue(t, st, 1, "INFO")
	c := srv.conn()
	c.Account.SMTPSecurity, c.Account.SMTPPort = SSL, ln.Addr().(*net.TCPAddr).Port
	c.TLS = &tls.Config{RootCAs: pool}
	rep, err := (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(context.Background(), nil)
	if err != nil || rep.Sent != 1 || srv.AcceptedCount(ids[0]) != 1 {
		t.Fatalf("over SSL: %+v %v", rep, err)
	}
	queue(t, st, 1, "INFO")
	c.TLS = nil // the system's roots do not know the test certificate
	_, err = (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(context.Background(), nil)
	if !errors.Is(err, ErrTLS) || !strings.Contains(apperr.Message(err), "보안 연결") {
		t.Fatalf("untrusted certificate: %v", err)
	}
	c = srv.conn()
	c.Account.SMTPSecurity = SSL // SSL asked of a plain server
	_, err = (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(context.Background(), nil)
	if !errors.Is(err, ErrTLS) {
		t.Fatalf("SSL to a plain server: %v (%s)", err, apperr.Message(err))
	}
	if counts(t, st)["QUEUED"] != 1 {
		t.Fatalf("queue %v", counts(t, st))
	}
}
