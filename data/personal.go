package data

// PersonalField is one column that holds a customer's personal data (개인정보). Later protection work
// (encryption at rest, masking, purging after the retention the seller sets) reads this list, so every
// column this store adds for a person's data is named here, once.
type PersonalField struct {
	Table, Column string
	What          string // what it holds, in Korean
}

// PersonalFields lists every column of the store that holds a customer's personal data: those the orders
// brought (buyer and recipient, address, 개인통관고유부호), and those the 고객 area added (contacts, their
// details, consent, mail addresses and bodies).
var PersonalFields = []PersonalField{
	{"orders", "buyer_name", "구매자명"},
	{"orders", "buyer_id", "구매자ID"},
	{"orders", "buyer_phone", "구매자 연락처"},
	{"orders", "recipient_name", "수취인명"},
	{"orders", "recipient_phone1", "수취인 연락처1"},
	{"orders", "recipient_phone2", "수취인 연락처2"},
	{"orders", "postcode", "우편번호"},
	{"orders", "address", "배송지"},
	{"orders", "address_detail", "상세 주소"},
	{"orders", "delivery_message", "배송 메시지"},
	{"orders", "customs_id", "개인통관고유부호"},
	{"customers", "name", "고객명"},
	{"customers", "phone", "전화번호"},
	{"customers", "email", "이메일"},
	{"customers", "note", "메모"},
	{"customer_keys", "key", "구매자ID 또는 이름·전화"},
	{"customer_details", "value", "이름·전화·이메일·주소"},
	{"customer_letters", "letter", "이름 글자 (한 글자 검색)"},
	{"customer_search", "name_pairs", "이름 검색어"},
	{"customer_search", "tails", "전화 뒤 4자리"},
	{"customer_search", "emails", "이메일 검색어"},
	{"consent_records", "note", "동의 메모"},
	{"mail_outbox", "to_addr", "받는 사람 주소"},
	{"mail_outbox", "to_name", "받는 사람 이름"},
	{"mail_outbox", "raw", "보낸 메일 전문"},
	{"mail_threads", "address", "상대 주소"},
	{"mail_messages", "from_addr", "보낸 사람 주소"},
	{"mail_messages", "from_name", "보낸 사람 이름"},
	{"mail_messages", "to_addr", "받는 사람 주소"},
	{"mail_messages", "subject", "제목"},
	{"mail_messages", "body", "본문"},
	{"mail_account", "address", "판매자 메일 주소"},
	{"mail_account", "username", "메일 계정 아이디"},
}
