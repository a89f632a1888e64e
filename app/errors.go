// Package app is what the seller does, as services with plain Go methods: the seller's rules live here.
// It knows nothing of Fyne; views call it and show its errors' messages, which are Korean sentences.
package app

import "sellerdesk/app/apperr"

// Error is the services' error type; see package apperr.
type Error = apperr.Error

// Code classifies an Error.
type Code = apperr.Code

// The error codes, re-exported so views need only package app.
const (
	ErrInvalid  = apperr.ErrInvalid
	ErrNotFound = apperr.ErrNotFound
	ErrConflict = apperr.ErrConflict
	ErrInternal = apperr.ErrInternal
)

// Invalid, ErrorCode and Message: see package apperr.
var (
	Invalid   = apperr.Invalid
	ErrorCode = apperr.ErrorCode
	Message   = apperr.Message
)
