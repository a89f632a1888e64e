package views

import (
	"context"
	"testing"

	"sellerdesk/app/customers"
)

// The 고객 area's dialogs in the screen gallery (the area itself is there by registerArea).
func init() {
	registerGallery("고객-상세", func(t *testing.T, sh *shell) {
		s := galleryScreen[*customersScreen](t, sh, "고객")
		list, err := s.svc.List(context.Background(), customers.Query{Limit: 1})
		if err != nil || len(list) == 0 {
			t.Fatalf("no customer on the demo store: %v", err)
		}
		s.openDetail(list[0].ID)
	})
	registerGallery("고객-이메일캠페인", func(t *testing.T, sh *shell) {
		s := galleryScreen[*customersScreen](t, sh, "고객")
		s.onCampaign()
	})
	registerGallery("고객-메일설정", func(t *testing.T, sh *shell) {
		s := galleryScreen[*customersScreen](t, sh, "고객")
		s.onMailSettings()
	})
	registerGallery("고객-1대1메일", func(t *testing.T, sh *shell) {
		s := galleryScreen[*customersScreen](t, sh, "고객")
		s.onInbox()
	})
}
