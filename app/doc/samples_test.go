package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteSamples writes every sample document into $DOC_SAMPLES, for looking at them:
//
//	DOC_SAMPLES=/tmp/doc-samples go test ./app/doc/ -run WriteSamples
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("DOC_SAMPLES")
	if dir == "" {
		t.Skip("DOC_SAMPLES not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"purchase-order.pdf":      func(b *bytes.Buffer) error { return PurchaseOrder(b, samplePO(4)) },
		"purchase-order-long.pdf": func(b *bytes.Buffer) error { return PurchaseOrder(b, samplePO(120)) },
		"return-policy.pdf":       func(b *bytes.Buffer) error { return ReturnPolicy(b, samplePolicy()) },
		"customs.pdf":             func(b *bytes.Buffer) error { return CustomsDeclaration(b, sampleCustoms()) },
		"return-label.pdf":        func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(2)) },
		"return-label-many.pdf":   func(b *bytes.Buffer) error { return ReturnLabel(b, sampleLabel(12)) },
	} {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
