// Package app is what the seller does, as services with plain Go methods: the seller's rules live here.
// It knows nothing of Fyne; its errors carry a Korean sentence key and its values, which views translate
// with Fyne's lang and the headless commands with TranslatorFor.
package app

import (
	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// Error is the services' error type; see package apperr.
type Error = apperr.Error

// Code classifies an Error.
type Code = apperr.Code

// Msg is a sentence key with its values; see package apperr.
type Msg = apperr.Msg

// Translator renders a sentence key with its values in one language; see package apperr.
type Translator = apperr.Translator

// The error codes, re-exported so views need only package app.
const (
	ErrInvalid  = apperr.ErrInvalid
	ErrNotFound = apperr.ErrNotFound
	ErrConflict = apperr.ErrConflict
	ErrInternal = apperr.ErrInternal
)

// Invalid, InvalidMsg, ErrorCode, Message, M, About, Text, FieldText and FieldTexts: see package apperr.
var (
	Invalid    = apperr.Invalid
	InvalidMsg = apperr.InvalidMsg
	ErrorCode  = apperr.ErrorCode
	Message    = apperr.Message
	M          = apperr.M
	About      = apperr.About
	Text       = apperr.Text
	FieldText  = apperr.FieldText
	FieldTexts = apperr.FieldTexts
)

// knownFault turns a fault whose cause the seller can act on (another SellerDesk writing, a store open
// read-only, a full disk; see data.KnownFault) into an *Error saying so, code ErrConflict: not a fault to
// look up in the log. Other errors come back as they are.
func knownFault(err error) error {
	key, args, ok := data.KnownFault(err)
	if !ok {
		return err
	}
	return &Error{Code: ErrConflict, Key: key, Args: args, Err: err}
}
