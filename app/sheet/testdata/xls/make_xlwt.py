#!/usr/bin/python3
# Writes the .xls fixtures of app/sheet's tests with xlwt (Debian's python3-xlwt 1.3.0), a BIFF8 writer
# independent of SellerDesk, and checks each with xlrd (python3-xlrd 1.2.0):
#   apt-get install python3-xlwt python3-xlrd && /usr/bin/python3 make_xlwt.py
# Header sets: the CJ대한통운 (CNPlus) booking list, 로젠 and 우체국 layouts as public seller tools write
# them (see courier_test.go for the references); the order export is Smart Store's 주문통합검색 layout
# (docs FORMATS.md), a notice row above the header.
import datetime
import xlwt, xlrd

text = xlwt.easyxf(num_format_str='@')
date = xlwt.easyxf(num_format_str='yyyy-mm-dd hh:mm:ss')

def cj():
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('운송장')
    head = ['예약구분', '집하예정일', '받는분성명', '받는분전화번호', '받는분기타연락처', '받는분우편번호',
            '받는분주소(전체, 분할)', '운송장번호', '고객주문번호', '품목명', '박스수량', '박스타입', '기본운임', '배송메세지1']
    for c, h in enumerate(head):
        ws.write(0, c, h)
    rows = [
        ['일반', '2026-11-24', '김민지', '010-1234-5678', '', '06236', '서울 강남구 테헤란로 1 101호', 612345678901, '2026112410000001', '머그컵', 1, '극소', 3000, '문 앞'],
        ['일반', '2026-11-24', '이서준', '0504-1234-9876', '', '48058', '부산 해운대구 센텀중앙로 2', '612345678902', '2026112410000002', '티셔츠', 1, '소', 3000, ''],
        ['일반', '2026-11-24', '박 지 훈', '01099998888', '', '63309', '제주 제주시 첨단로 3', 612345678903, '', '양말', 2, '소', 3000, '경비실'],
    ]
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            ws.write(r, c, v, text if c in (3, 5) else xlwt.Style.default_style)
    wb.save('courier_cj.xls')

def logen():
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('Sheet1')
    head = ['운송장번호', '수하인명', '수하인주소1', '수하인주소2', '수하인전화', '수하인핸드폰', '택배수량', '택배운임', '운임구분', '품목명', '배송메세지']
    for c, h in enumerate(head):
        ws.write(0, c, h)
    ws.write(1, 0, '9331357816')
    ws.write(1, 1, '최유진'); ws.write(1, 2, '광주 광산구 신창동'); ws.write(1, 3, '2층')
    ws.write(1, 4, '062-123-4567'); ws.write(1, 5, '010-2222-3333'); ws.write(1, 6, 1); ws.write(1, 7, 2750)
    ws.write(1, 8, '선불'); ws.write(1, 9, '그릇'); ws.write(1, 10, '')
    wb.save('courier_logen.xls')

def orders():
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('발주발송관리')
    ws.write(0, 0, '상품주문번호, 택배사 등 주문 정보는 개인정보가 포함되어 있으므로 취급에 주의하세요.')
    head = ['상품주문번호', '주문번호', '주문상태', '주문세부상태', '택배사', '송장번호', '구매자명', '수취인명',
            '수취인연락처1', '우편번호', '통합배송지', '상품명', '옵션정보', '수량', '상품가격', '최종 상품별 총 주문금액', '결제일']
    for c, h in enumerate(head):
        ws.write(1, c, h)
    # enough rows, with long distinct strings, that the shared-string table runs over Continue records
    for i in range(400):
        r = i + 2
        ws.write(r, 0, '20261124%08d' % (i + 1), text)
        ws.write(r, 1, '20261124%08d' % (9000 + i // 2), text)
        ws.write(r, 2, '결제완료')
        ws.write(r, 3, '발주확인' if i % 2 else '신규주문')
        ws.write(r, 4, 'CJ대한통운' if i % 3 == 0 else '')
        ws.write(r, 5, '6123%08d' % i if i % 3 == 0 else '')
        ws.write(r, 6, '구매자%d' % i)
        ws.write(r, 7, '수취인%d' % i)
        ws.write(r, 8, '010-%04d-%04d' % (i, i), text)
        ws.write(r, 9, '%05d' % (1000 + i), text)
        ws.write(r, 10, '경기도 성남시 분당구 판교역로 %d번길 %d, 아주 긴 주소가 이어져 공유 문자열 표가 여러 레코드에 걸치게 합니다 — %d동 %d호' % (i, i * 7, i, i * 3))
        ws.write(r, 11, '오버핏 셔츠 %d' % (i % 5))
        ws.write(r, 12, '색상: 블랙 / 사이즈: M')
        ws.write(r, 13, 1 + i % 3)
        ws.write(r, 14, 19000 + (i % 5) * 1000)
        ws.write(r, 15, (1 + i % 3) * (19000 + (i % 5) * 1000))
        ws.write(r, 16, datetime.datetime(2026, 11, 24, 9, 0, 0) + datetime.timedelta(minutes=i), date)
    wb.save('orders.xls')

cj(); logen(); orders()
for f in ('courier_cj.xls', 'courier_logen.xls', 'orders.xls'):
    b = xlrd.open_workbook(f)
    s = b.sheet_by_index(0)
    print(f, s.name, s.nrows, 'rows', s.ncols, 'cols')
