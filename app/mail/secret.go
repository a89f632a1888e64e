package mail

import (
	"errors"
	"sync"

	"github.com/zalando/go-keyring"
)

// keyringService is the name SellerDesk's passwords are filed under in the OS keyring.
const keyringService = "SellerDesk mail"

// Secrets keeps the mailbox password: in the OS keyring (Windows Credential Manager, macOS Keychain,
// Secret Service on Linux), never in the database or the log. Where no keyring is available the password
// lives only in this process, for this session, and the seller is asked again at the next start.
type Secrets struct {
	mu      sync.Mutex
	session map[string]string
	// why is the keyring's refusal, when the last Save fell back to the session
	why error
}

// NewSecrets returns an empty password keeper.
func NewSecrets() *Secrets { return &Secrets{session: map[string]string{}} }

// Password returns the password of an account; ok is false when neither the keyring nor this session has it.
func (s *Secrets) Password(user string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if pw, ok := s.session[user]; ok {
		return pw, true
	}
	pw, err := keyring.Get(keyringService, user)
	if err != nil {
		return "", false
	}
	return pw, true
}

// Save stores the password in the keyring. When the keyring cannot take it, the password is kept for
// this session only and kept reports false with the reason: the seller is told it will be asked again.
func (s *Secrets) Save(user, password string) (kept bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := keyring.Set(keyringService, user, password); err != nil {
		s.session[user] = password
		s.why = err
		return false, err
	}
	delete(s.session, user)
	return true, nil
}

// Forget removes the password from the keyring and the session.
func (s *Secrets) Forget(user string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.session, user)
	if err := keyring.Delete(keyringService, user); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return err
	}
	return nil
}

// SessionOnly reports whether the password is held only for this session (no keyring).
func (s *Secrets) SessionOnly(user string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.session[user]
	return ok
}
