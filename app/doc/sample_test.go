package doc

import (
	"fmt"
	"time"
)

// The sample documents the tests render; they read like a real small shop's.

// day is midnight of a calendar day in local time, as format.Date shows it.
func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleStore() Store {
	return Store{
		Name:           "하루공방",
		Representative: "김하루",
		BusinessNumber: "123-45-67890",
		Address:        "서울특별시 마포구 월드컵북로 396, 누리꿈스퀘어 비즈니스타워 12층 1203호",
		Phone:          "02-312-4567",
		Email:          "hello@harugongbang.kr",
	}
}

func samplePO(lines int) PurchaseOrderDoc {
	po := PurchaseOrderDoc{
		Number:    "PO-20261124-007",
		OrderedOn: day("2026-11-24"),
		DueOn:     day("2026-12-01"),
		Buyer:     sampleStore(),
		Supplier: Supplier{
			Name: "㈜한빛섬유", Contact: "박지성 과장", Phone: "031-987-6543",
			Email: "order@hanbit-textile.co.kr", Address: "경기도 양주시 광적면 광적로 123-45",
		},
		DeliverTo: Contact{
			Name: "하루공방 물류창고", Phone: "010-2345-6789", Postcode: "10881",
			Address: "경기도 파주시 회동길 145, 2동 3층",
		},
		Notes: "납품 시 거래명세서를 동봉해 주세요.\n포장은 개별 OPP 봉투, 박스당 50개 이하로 부탁드립니다. 결제는 납품 확인 후 익월 10일 계좌이체로 진행합니다.",
	}
	base := []PurchaseOrderLine{
		{Name: "겨울 니트 머플러", Option: "차콜 / FREE", Code: "HB-MF-001", Quantity: 30, UnitPrice: 45000, TaxIncluded: true},
		{Name: "코튼 캔버스 에코백 (대형) 빅사이즈 숄더 토트백 데일리 가방 여성 남성 공용", Option: "아이보리", Code: "HB-BG-210", Quantity: 50, UnitPrice: 8900},
		{Name: "국내산 유기농 보리차 티백", Option: "30개입", Quantity: 20, UnitPrice: 6500, TaxFree: true},
		{Name: "양털 방한 장갑 🧤", Option: "베이지 / 터치 가능 스마트폰 사용 손가락 옵션 추가 선택", Quantity: 100, UnitPrice: 12000},
	}
	for i := 0; i < lines; i++ {
		l := base[i%len(base)]
		if i >= len(base) {
			l.Name = fmt.Sprintf("%s %d", l.Name, i+1)
		}
		po.Lines = append(po.Lines, l)
	}
	return po
}

func sampleLabel(items int) ReturnLabelDoc {
	l := ReturnLabelDoc{
		Number:      "RT-20261124-001",
		OrderNumber: "2026112214053100",
		IssuedOn:    day("2026-11-24"),
		From: Contact{Name: "이서연", Phone: "010-9876-5432", Postcode: "48058",
			Address: "부산광역시 해운대구 센텀중앙로 97, 센텀스카이비즈 A동 1502호"},
		To: Contact{Name: "하루공방 반품센터", Phone: "031-955-1234", Postcode: "10881",
			Address: "경기도 파주시 회동길 145, 2동 3층 하루공방 물류창고"},
		Courier:  "CJ대한통운",
		Method:   "지정반품택배",
		Reason:   "색상·사이즈변경",
		BuyerFee: 6000,
		Note:     "경비실에 맡겨 두었습니다. 평일 오후 수거 부탁드립니다.",
	}
	base := []ReturnLabelItem{
		{Name: "겨울 니트 머플러", Option: "차콜 / FREE", Quantity: 1},
		{Name: "코튼 캔버스 에코백 (대형) 빅사이즈 숄더 토트백 데일리 가방 여성 남성 공용", Option: "아이보리", Quantity: 2},
		{Name: "양털 방한 장갑", Option: "베이지", Quantity: 1},
	}
	for i := 0; i < items; i++ {
		it := base[i%len(base)]
		l.Items = append(l.Items, it)
	}
	return l
}

func sampleCustoms() CustomsDoc {
	return CustomsDoc{
		TrackingNumber: "EE123456789KR",
		Reference:      "2026112214053100",
		Sender: CustomsParty{
			Name: "Haru Gongbang (Kim Haru)", Company: "하루공방",
			Address: "12F 1203, Nuritkum Square Business Tower, 396 World Cup buk-ro, Mapo-gu",
			City:    "Seoul", Postcode: "03925", Country: "Republic of Korea",
			Phone: "+82 2-312-4567", Email: "hello@harugongbang.kr",
		},
		Addressee: CustomsParty{
			Name: "Emily Johnson", Address: "1450 Oak Street, Apt 3B",
			City: "San Francisco", State: "CA", Postcode: "94117", Country: "United States",
			Phone: "+1 415-555-0134", Email: "emily.j@example.com",
		},
		Category: CategorySaleOfGoods,
		Items: []CustomsItem{
			{Description: "Wool knit scarf, 100% lambswool, charcoal", Quantity: 2, NetWeightGrams: 360, ValueCents: 6900, HSCode: "6117.10", Origin: "KR"},
			{Description: "Cotton canvas tote bag", Quantity: 1, NetWeightGrams: 420, ValueCents: 1450, HSCode: "4202.92", Origin: "KR"},
			{Description: "Organic barley tea bags (30 bags), food", Quantity: 3, NetWeightGrams: 270, ValueCents: 1500, HSCode: "2106.90", Origin: "KR"},
		},
		GrossWeightGrams: 1280,
		PostageWon:       23500,
		InvoiceNumber:    "INV-20261124-014",
		ImporterCode:     "P123456789012",
		Comments:         "No batteries, no liquids.",
		Date:             day("2026-11-24"),
	}
}

func samplePolicy() PolicyDoc {
	return PolicyDoc{
		Store:     sampleStore(),
		Generated: day("2026-11-24"),
		Sections: []PolicySection{
			{Heading: "1. 반품·교환 신청 기간", Body: "상품을 받으신 날부터 7일 이내에 반품·교환을 신청하실 수 있습니다. 받으신 상품이 표시·광고 내용과 다르거나 계약 내용과 다르게 이행된 경우에는 상품을 받으신 날부터 3개월 이내, 그 사실을 아신 날 또는 아실 수 있었던 날부터 30일 이내에 신청하실 수 있습니다.\n\n신청은 스마트스토어 주문 내역의 [반품 요청] 또는 [교환 요청] 버튼을 이용해 주세요."},
			{Heading: "2. 반품 배송비", Body: "- 단순 변심(색상·사이즈 변경, 구매 의사 취소 등): 왕복 배송비 6,000원은 고객님께서 부담하십니다. 환불 금액에서 차감하거나 동봉해 주세요.\n- 상품 불량, 오배송, 파손 등 판매자 사유: 배송비 전액을 하루공방이 부담합니다.\n- 무료배송으로 구매하신 상품을 반품하시는 경우 처음 배송비 3,000원이 함께 차감됩니다."},
			{Heading: "3. 반품·교환이 어려운 경우", Body: "• 고객님의 책임 있는 사유로 상품이 멸실되거나 훼손된 경우 (다만 내용 확인을 위해 포장을 훼손한 경우는 제외합니다)\n• 사용하시거나 일부를 소비하여 상품의 가치가 현저히 줄어든 경우\n• 시간이 지나 다시 판매하기 곤란할 정도로 상품의 가치가 현저히 줄어든 경우\n• 복제가 가능한 상품의 포장을 훼손한 경우\n• 주문 제작 상품(이니셜 각인 등)으로 제작이 시작된 경우"},
			{Heading: "4. 환불", Body: "반품 상품이 물류센터에 도착하면 검수 후 3영업일 이내에 결제하신 수단으로 환불해 드립니다. 카드 결제는 카드사 사정에 따라 취소 반영까지 3~7일이 걸릴 수 있습니다.\n\nAbcdefghijklmnopqrstuvwxyzAbcdefghijklmnopqrstuvwxyzAbcdefghijklmnopqrstuvwxyzAbcdefghijklmnopqrstuvwxyz 처럼 띄어쓰기 없는 아주 긴 낱말도 줄을 바꿔 표시합니다.가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"},
			{Heading: "5. 문의", Body: "반품·교환 관련 문의는 평일 10:00~17:00 (점심 12:00~13:00) 고객센터 02-312-4567 또는 hello@harugongbang.kr 로 연락 주세요. 주말·공휴일에 남겨 주신 문의는 다음 영업일에 순서대로 답변드립니다."},
		},
	}
}
